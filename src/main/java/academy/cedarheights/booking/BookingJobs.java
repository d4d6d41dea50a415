package academy.cedarheights.booking;

import java.time.Duration;

import academy.cedarheights.platform.jobs.JobDefinitions;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BookingJobs {

    @Bean
    RecurringTask<Void> expireHoldsTask(JobDefinitions jobs, HoldExpiry expiry,
                                        @Value("${app.holds.expiry-check:2m}") Duration every) {
        return jobs.recurring("expire-holds", every, expiry::expireAll);
    }

    /** Offers that ran out pass on, and free slots someone waits for (a new slot, say) are offered. */
    @Bean
    RecurringTask<Void> waitlistOffersTask(JobDefinitions jobs, Offers offers,
                                           @Value("${app.waitlist.check:5m}") Duration every) {
        return jobs.recurring("waitlist-offers", every, offers::sweepAll);
    }

    /** Hourly: an enrollment past its school's payment grace period ends within the hour. */
    @Bean
    RecurringTask<Void> endUnpaidEnrollmentsTask(JobDefinitions jobs, PaymentProblems problems,
                                                 @Value("${app.payment-grace-check:1h}") Duration every) {
        return jobs.recurring("end-unpaid-enrollments", every, problems::endOverdueAll);
    }
}
