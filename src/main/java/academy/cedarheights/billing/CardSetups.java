package academy.cedarheights.billing;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import academy.cedarheights.billing.gateway.CardSetup;
import academy.cedarheights.billing.gateway.NewCustomer;
import academy.cedarheights.billing.gateway.PaymentGateway;
import academy.cedarheights.billing.gateway.TestCards;
import academy.cedarheights.booking.Holds;
import academy.cedarheights.families.FamilyProfile;
import academy.cedarheights.families.Payee;
import academy.cedarheights.platform.persistence.DatabaseProperties;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.InvalidField;
import academy.cedarheights.platform.web.NoSuchRecord;
import academy.cedarheights.schools.SchoolAddresses;
import academy.cedarheights.schools.Schools;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adding a card: a Stripe Checkout session in setup mode, or the app's simulated checkout. Once the card is
 * there, the family's waiting holds go back to the billing pipeline.
 */
@Service
@Transactional
public class CardSetups {

    private final JdbcClient jdbc;
    private final FamilyProfile families;
    private final PaymentGateway gateway;
    private final Holds holds;
    private final BillingTriggers triggers;
    private final StripeCustomers customers;
    private final boolean simulatedInProduction;
    private final TransactionTemplate transaction;
    private final SchoolAddresses addresses;
    private final PaymentMethods methods;
    private final Schools schools;

    CardSetups(JdbcClient jdbc, FamilyProfile families, PaymentGateway gateway, Holds holds, BillingTriggers triggers,
               StripeCustomers customers, BillingProperties properties, DatabaseProperties database,
               TransactionTemplate transaction, SchoolAddresses addresses, PaymentMethods methods, Schools schools) {
        this.transaction = transaction;
        this.schools = schools;
        this.methods = methods;
        this.addresses = addresses;
        this.customers = customers;
        this.simulatedInProduction = properties.simulatedInProduction(database.embedded());
        this.jdbc = jdbc;
        this.families = families;
        this.gateway = gateway;
        this.holds = holds;
        this.triggers = triggers;
    }

    /** A real deployment running without a payment provider ({@code APP_PAYMENTS=simulated}): no card is ever charged. */
    @Transactional(propagation = Propagation.SUPPORTS)
    public boolean simulatedInProduction() {
        return simulatedInProduction;
    }

    /**
     * Where the signed-in parent adds a card. The provider is called between transactions, never inside one: a slow
     * Stripe holds no database connection, and its answer is stored in a transaction of its own.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public String setupUrl(CurrentSchool school, Caller caller) {
        Family family = transaction.execute(status -> {
            Payee payee = families.payee(school.id(), caller);
            return new Family(payee, customers.of(school.id(), payee.id()).customerId(), addresses.baseUrl(school.id()),
                    schools.paymentMethods(school.id()).contains("acss_debit"));
        });
        Payee payee = family.payee();
        String customer = family.customerId();
        if (customer == null) {
            String created = gateway.createCustomer(new NewCustomer(school.id(), payee.id(), payee.email(), payee.name()));
            transaction.executeWithoutResult(status -> customers.remember(school.id(), payee.id(), created));
            customer = created;
        }
        return gateway.cardSetupUrl(new CardSetup(school.id(), school.slug(), family.schoolBaseUrl(), payee.id(), customer,
                URI.create(family.schoolBaseUrl() + "/parent/payment-method"), family.bankDebit()));
    }

    private record Family(Payee payee, String customerId, URI schoolBaseUrl, boolean bankDebit) {
    }

    /** The simulated checkout's session, if it exists and is still open. */
    @Transactional(readOnly = true)
    public Optional<Map<String, Object>> openSimulatedCheckout(UUID school, UUID session) {
        return jdbc.sql("""
                        select p.name, p.email from simulated_checkouts c join payees p on p.school_id = c.school_id and p.id = c.payee_id
                         where c.school_id = :school and c.id = :session and c.completed_at is null""")
                .param("school", school).param("session", session).query().listOfRows().stream().findFirst();
    }

    /** The simulated card is attached as the family's default and their waiting holds resume. */
    public void completeSimulatedCheckout(UUID school, UUID session, String cardNumber) {
        String card = TestCards.methodOf(session, cardNumber).orElseThrow(() -> new InvalidField("card_number",
                "must be one of the test cards: " + TestCards.DEFAULT_NUMBER + ", 4000 0000 0000 0002 or 4000 0000 0000 0341"));
        UUID payee = jdbc.sql("""
                        update simulated_checkouts set completed_at = now()
                         where school_id = :school and id = :session and completed_at is null returning payee_id""")
                .param("school", school).param("session", session).query(UUID.class).optional()
                .orElseThrow(() -> new NoSuchRecord("open checkout", session));
        cardAdded(school, payee, card);
    }

    /** A card became the family's default (the simulated checkout, or Stripe's webhooks). */
    public void cardAdded(UUID school, UUID payeeId, String paymentMethodId) {
        customers.paymentMethodAdded(school, payeeId, paymentMethodId);
        methods.adopted(school, payeeId, paymentMethodId);
        resume(school, payeeId);
    }

    /** The family's waiting holds go back to the billing pipeline, which looks for their card again. */
    public void resume(UUID school, UUID payeeId) {
        holds.waitingForFamily(school, payeeId).forEach(enrollment -> triggers.billLater(school, enrollment));
    }
}
