package academy.cedarheights.booking;

import java.time.Period;

import academy.cedarheights.platform.privacy.RetentionRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What booking keeps of a booking that ended: its dates and plan stay; the reasons written for its end do not. */
@Configuration(proxyBeanMethods = false)
class BookingRetention {

    @Bean
    RetentionRule endedBookingReasons(JdbcClient jdbc) {
        return RetentionRule.of("The reasons written when a booking was cancelled or a hold lapsed (free text, which "
                        + "may tell a family's circumstances); the booking's dates and plan stay",
                Period.ofYears(1), "Enough to answer a question about the end of a booking; after that, that it "
                        + "ended is enough.",
                (school, cutoff) -> jdbc.sql("""
                        update enrollments set cancel_reason = null, failure_reason = null, updated_at = now()
                         where school_id = :school and ended_at < :cutoff and status not in ('provisional', 'active')
                           and (cancel_reason is not null or failure_reason is not null)""")
                        .param("school", school).param("cutoff", cutoff).update());
    }
}
