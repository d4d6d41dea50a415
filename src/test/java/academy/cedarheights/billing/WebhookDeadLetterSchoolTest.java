package academy.cedarheights.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import academy.cedarheights.support.DatabaseOwner;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.TestSchool;
import academy.cedarheights.support.TestSchools;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A webhook's processing job is scheduled before anyone knows its school; when it gives up, its dead letter goes to
 * the school the event names by then — by our metadata or by the Stripe customer — and to nobody when none does.
 */
@IntegrationTest
class WebhookDeadLetterSchoolTest {

    @Autowired StripeEventSchools schools;
    @Autowired TestSchools testSchools;
    @Autowired DatabaseOwner owner;

    @Test
    void theDeadLetterOfAWebhookBelongsToTheSchoolItsEventNames() {
        TestSchool school = testSchools.create();
        UUID payee = school.payee("Pat Doe");
        String customer = "cus_" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
        owner.jdbc().sql("insert into stripe_customers (customer_id, school_id, payee_id) values (:c, :s, :p)")
                .param("c", customer).param("s", school.id()).param("p", payee).update();

        String byCustomer = stored("{\"data\": {\"object\": {\"object\": \"invoice\", \"customer\": \"" + customer + "\"}}}");
        String byMetadata = stored("{\"data\": {\"object\": {\"metadata\": {\"school_id\": \"" + school.id() + "\"}}}}");
        String nobodys = stored("{\"data\": {\"object\": {\"object\": \"invoice\", \"customer\": \"cus_unknown\"}}}");

        assertThat(schools.schoolOf(BillingConfiguration.PROCESS_EVENT, new StripeEventJob(byCustomer))).contains(school.id());
        assertThat(schools.schoolOf(BillingConfiguration.PROCESS_EVENT, new StripeEventJob(byMetadata))).contains(school.id());
        assertThat(schools.schoolOf(BillingConfiguration.PROCESS_EVENT, new StripeEventJob(nobodys))).isEmpty();
        assertThat(schools.schoolOf("send-email", "another job's payload")).isEmpty();
    }

    private String stored(String payload) {
        String id = "evt_" + UUID.randomUUID().toString().replace("-", "");
        owner.jdbc().sql("insert into stripe_events (id, type, payload, status) values (:id, 'invoice.paid', cast(:p as jsonb), 'failed')")
                .param("id", id).param("p", payload).update();
        return id;
    }
}
