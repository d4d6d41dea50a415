package academy.cedarheights.billing;

import academy.cedarheights.platform.jobs.Jobs;
import academy.cedarheights.platform.privacy.ErasedFamily;
import academy.cedarheights.platform.privacy.PersonalData;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the law makes a school keep of an erased family stays — every charge, payment, refund and credit, with its
 * amount, dates and method — under the pseudonyms: its lines name the pseudonymous pupil, not the child. The events
 * the payment provider sent keep no name or address either, and the provider's customer is cleared of them by a job
 * that runs once the erasure is committed (no provider call inside a transaction; keyed by the customer, so asking
 * twice clears it once).
 */
@Component
@Order(PersonalData.ACCOUNTS)
class BillingErasure implements PersonalData {

    private final JdbcClient jdbc;
    private final Jobs jobs;
    private final OneTimeTask<AnonymiseCustomerJob> anonymise;

    BillingErasure(JdbcClient jdbc, Jobs jobs, OneTimeTask<AnonymiseCustomerJob> anonymise) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.anonymise = anonymise;
    }

    @Override
    public void erase(ErasedFamily family) {
        family.bind(jdbc.sql("update ledger_entries set description = " + ErasedFamily.erased("description")
                + ", note = " + ErasedFamily.erased("note") + ", recorded_by = " + ErasedFamily.erased("recorded_by")
                + ", updated_at = now() where school_id = :school and payee_id = :payee and ("
                + ErasedFamily.mentions("description") + " or " + ErasedFamily.mentions("note") + " or "
                + ErasedFamily.mentions("recorded_by") + ")")).update();
        family.bind(jdbc.sql("update stripe_events set payload = " + ErasedFamily.erased("payload::text")
                + "::jsonb where (school_id = :school or school_id is null) and "
                + ErasedFamily.mentions("payload::text"))).update();
        family.bind(jdbc.sql("""
                        select customer_id from stripe_customers where school_id = :school and payee_id = :payee
                        union
                        select customer_id from billing_customers
                         where school_id = :school and payee_id = :payee and customer_id is not null"""))
                .query(String.class).list()
                .forEach(customer -> jobs.schedule(anonymise, customer,
                        new AnonymiseCustomerJob(family.school(), customer)));
    }
}
