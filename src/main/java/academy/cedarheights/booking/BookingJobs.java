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
}
