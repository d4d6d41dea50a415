package academy.cedarheights.notifications;

import java.time.Period;

import academy.cedarheights.platform.privacy.RetentionRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What notifications keeps of what it sent: the words of an email or a text for a year (a family asking what it was
 * told, a school checking a complaint), then only that it was sent — to whom, when, its subject, whether it went.
 */
@Configuration(proxyBeanMethods = false)
class MessageRetention {

    private static final Period A_YEAR = Period.ofYears(1);
    private static final String WHY = "Long enough to answer what a family was told and when; after that, that it was "
            + "sent is enough.";

    @Bean
    RetentionRule emailBodies(JdbcClient jdbc) {
        return RetentionRule.of("The text of emails and what they were written from (their date, subject, recipient "
                + "and delivery stay)", A_YEAR, WHY, (school, cutoff) -> jdbc.sql("""
                        update email_log set body_text = null, body_html = null, model = '{}'::jsonb
                         where school_id = :school and created_at < :cutoff and status <> 'queued'
                           and (body_text is not null or body_html is not null or model <> '{}'::jsonb)""")
                .param("school", school).param("cutoff", cutoff).update());
    }

    @Bean
    RetentionRule textBodies(JdbcClient jdbc) {
        return RetentionRule.of("The text of text messages (their date, number and delivery stay)", A_YEAR, WHY,
                (school, cutoff) -> jdbc.sql("""
                        update text_messages set body = ''
                         where school_id = :school and created_at < :cutoff and status <> 'queued' and body <> ''""")
                .param("school", school).param("cutoff", cutoff).update());
    }
}
