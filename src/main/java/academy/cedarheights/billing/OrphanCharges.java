package academy.cedarheights.billing;

import java.util.List;
import java.util.UUID;

import academy.cedarheights.billing.gateway.PaymentGateway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Charges nobody will use: made for a hold that was cancelled, expired or activated by hand while the gateway was
 * making them. Recorded in the transaction that finds them, then undone outside it — the subscription cancelled, the
 * invoice refunded — under keys of their own; an undo the gateway refuses now is retried by the billing job's next
 * run, so the family is never charged for lessons they will not have.
 */
@Component
class OrphanCharges {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    OrphanCharges(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    record Orphan(UUID enrollmentId, String subscriptionId, String invoiceId) {
    }

    /** Called in the transaction that found the hold gone. */
    void found(UUID school, UUID enrollment, String subscription, String invoice) {
        jdbc.sql("""
                        insert into orphan_charges (school_id, enrollment_id, subscription_id, invoice_id)
                        values (:school, :enrollment, :subscription, :invoice) on conflict do nothing""")
                .param("school", school).param("enrollment", enrollment).param("subscription", subscription)
                .param("invoice", invoice).update();
    }

    /** Undoes what is still open for the enrollment; a gateway failure propagates, and the next run tries again. */
    void undo(UUID school, UUID enrollment, PaymentGateway gateway) {
        List<Orphan> open = transaction.execute(status -> jdbc.sql("""
                        select enrollment_id, subscription_id, invoice_id from orphan_charges
                         where school_id = :school and enrollment_id = :enrollment and undone_at is null""")
                .param("school", school).param("enrollment", enrollment).query(Orphan.class).list());
        for (Orphan orphan : open) {
            if (orphan.subscriptionId() != null) {
                gateway.cancelSubscription(orphan.subscriptionId(), "undo-subscription-" + enrollment);
            }
            if (orphan.invoiceId() != null) {
                gateway.refundInvoice(orphan.invoiceId(), "undo-invoice-" + enrollment);
            }
            transaction.executeWithoutResult(status -> jdbc.sql("""
                            update orphan_charges set undone_at = now() where school_id = :school and enrollment_id = :enrollment""")
                    .param("school", school).param("enrollment", enrollment).update());
        }
    }
}
