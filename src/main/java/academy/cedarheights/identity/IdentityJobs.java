package academy.cedarheights.identity;

import java.time.Duration;

import academy.cedarheights.platform.jobs.JobDefinitions;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IdentityJobs {

    /** Sign-in counters are only useful for their window; an hourly sweep keeps the table small. */
    @Bean
    RecurringTask<Void> forgetOldSignInCounters(JobDefinitions jobs, RateLimiter limiter) {
        return jobs.recurring("forget-old-sign-in-counters", Duration.ofHours(1),
                () -> limiter.forgetOlderThan(Duration.ofDays(1)));
    }

    /** A revoked session is worth remembering only while one of its tokens could still be refreshed. */
    @Bean
    RecurringTask<Void> forgetExpiredSessions(JobDefinitions jobs, Sessions sessions) {
        return jobs.recurring("forget-expired-sessions", Duration.ofHours(6), sessions::forgetExpired);
    }
}
