package academy.cedarheights.families;

import java.util.List;
import java.util.UUID;

import academy.cedarheights.families.Consent.How;
import academy.cedarheights.families.Consent.Purpose;
import academy.cedarheights.notifications.TextLog;
import academy.cedarheights.notifications.TextsAnswered;
import academy.cedarheights.schools.SchoolSweep;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A STOP or START texted to the deployment's number, in every school that has a family with that phone: its reminder
 * texts switched off or on, and a line of its consent ledger by that phone. School by school, each in a transaction of
 * its own, as the webhook that heard it belongs to none; the opt-out itself is committed before, so the texts stop
 * whatever happens here.
 */
@Component
class TextReplyConsents {

    private final SchoolSweep sweeps;
    private final JdbcClient jdbc;
    private final Consents consents;

    TextReplyConsents(SchoolSweep sweeps, JdbcClient jdbc, Consents consents) {
        this.sweeps = sweeps;
        this.jdbc = jdbc;
        this.consents = consents;
    }

    @EventListener
    void record(TextsAnswered answer) {
        sweeps.each(school -> {
            List<UUID> families = jdbc.sql("""
                            update payees set sms_opt_out = not :wanted, updated_at = now()
                             where school_id = :school and phone is not null
                               -- the phone as texts go to it, as TextLog.number writes it
                               and regexp_replace(phone, '[^+0-9]', '', 'g') = :phone
                            returning id""")
                    .param("school", school).param("wanted", answer.wanted())
                    .param("phone", TextLog.number(answer.phone())).query(UUID.class).list();
            families.forEach(family -> consents.choose(school, family, Purpose.REMINDER_TEXTS, answer.wanted(),
                    How.TEXT_REPLY, answer.phone()));
            return families.size();
        });
    }
}
