package academy.cedarheights.identity;

import java.time.Period;

import academy.cedarheights.platform.privacy.RetentionRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The one-time links of sign-in (address proofs, password resets, invitations' links) are kept until they expire. */
@Configuration(proxyBeanMethods = false)
class SignInRetention {

    @Bean
    RetentionRule expiredLinks(JdbcClient jdbc) {
        return RetentionRule.of("Emailed sign-in links (to prove an address or reset a password), used or not",
                Period.ZERO, "An expired link opens nothing; keeping it would only keep who asked for one.",
                (school, cutoff) -> jdbc.sql("delete from account_links where school_id = :school and expires_at < :cutoff")
                        .param("school", school).param("cutoff", cutoff).update());
    }
}
