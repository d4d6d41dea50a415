package academy.cedarheights.billing;

import java.util.UUID;

import academy.cedarheights.booking.EnrollmentEnded;
import academy.cedarheights.booking.SlotBooked;
import academy.cedarheights.platform.jobs.Jobs;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts billing work inside the transaction of the booking change that calls for it: a new hold gets its
 * billing job, an ended enrollment with a subscription gets it cancelled.
 */
@Component
class BillingTriggers {

    private final Jobs jobs;
    private final OneTimeTask<BillingJob> bill;
    private final OneTimeTask<CancelSubscriptionJob> cancelSubscription;

    BillingTriggers(Jobs jobs, OneTimeTask<BillingJob> bill, OneTimeTask<CancelSubscriptionJob> cancelSubscription) {
        this.jobs = jobs;
        this.bill = bill;
        this.cancelSubscription = cancelSubscription;
    }

    @EventListener
    void on(SlotBooked booked) {
        if (!booked.alreadyPaid()) {
            billLater(booked.schoolId(), booked.enrollmentId());
        }
    }

    @EventListener
    void on(EnrollmentEnded ended) {
        if (ended.stripeSubscriptionId() != null) {
            jobs.schedule(cancelSubscription, ended.enrollmentId().toString(),
                    new CancelSubscriptionJob(ended.schoolId(), ended.enrollmentId(), ended.stripeSubscriptionId()));
        }
    }

    /** Keyed by the enrollment: while one billing run is pending, asking again adds nothing. */
    void billLater(UUID school, UUID enrollmentId) {
        jobs.schedule(bill, enrollmentId.toString(), new BillingJob(school, enrollmentId));
    }
}
