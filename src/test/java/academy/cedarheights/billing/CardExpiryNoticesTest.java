package academy.cedarheights.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import academy.cedarheights.platform.tenancy.TenantContext;
import academy.cedarheights.support.DatabaseOwner;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.Mailbox;
import academy.cedarheights.support.TestSchool;
import academy.cedarheights.support.TestSchools;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** A card in its last month is announced to its family once, with the page where a new one is added. */
@IntegrationTest
class CardExpiryNoticesTest {

    @Autowired CardExpiryNotices notices;
    @Autowired TransactionTemplate transaction;
    @Autowired TestSchools schools;
    @Autowired DatabaseOwner owner;

    @Test
    void aCardInItsLastMonthIsAnnouncedOnceAndALaterOneNotYet() {
        TestSchool school = schools.create();
        LocalDate thisMonth = LocalDate.now(ZoneId.of("America/Vancouver")).withDayOfMonth(1);
        family(school, "expiring@" + school.slug() + ".test", "pm_expiring", thisMonth);
        family(school, "later@" + school.slug() + ".test", "pm_later", thisMonth.plusMonths(2));

        assertThat(send(school)).isEqualTo(1);
        assertThat(send(school)).as("once per card").isZero();

        Mailbox.Mail notice = Mailbox.latest("expiring@" + school.slug() + ".test", "expires at the end of");
        assertThat(notice.subject()).isEqualTo("Your card for School " + school.slug() + " expires soon");
        assertThat(notice.text()).contains("Visa ending in 4242, expires at the end of "
                + thisMonth.format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.CANADA)));
        assertThat(notice.link("/parent/payment-method")).startsWith("http://" + school.slug() + ".cedar.test:");
        assertThat(Mailbox.all("later@" + school.slug() + ".test")).isEmpty();

        owner.jdbc().sql("update billing_customers set default_payment_method = 'pm_replaced' where school_id = :s "
                + "and default_payment_method = 'pm_expiring'").param("s", school.id()).update();
        assertThat(send(school)).as("a new card that expires this month too is announced in its turn").isEqualTo(1);
    }

    private int send(TestSchool school) {
        return TenantContext.callAs(school.id(), () -> transaction.execute(status -> notices.send(school.id())));
    }

    private void family(TestSchool school, String email, String card, LocalDate lastMonth) {
        UUID payee = owner.jdbc().sql("insert into payees (school_id, name, email) values (:s, 'Pat Doe', :e) returning id")
                .param("s", school.id()).param("e", email).query(UUID.class).single();
        owner.jdbc().sql("""
                        insert into billing_customers (school_id, payee_id, customer_id, default_payment_method, method_type,
                                                       method_brand, method_last4, method_exp_month, method_exp_year)
                        values (:s, :p, :c, :card, 'card', 'visa', '4242', :month, :year)""")
                .param("s", school.id()).param("p", payee).param("c", "cus_" + UUID.randomUUID()).param("card", card)
                .param("month", lastMonth.getMonthValue()).param("year", lastMonth.getYear()).update();
    }
}
