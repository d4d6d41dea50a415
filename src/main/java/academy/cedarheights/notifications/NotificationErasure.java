package academy.cedarheights.notifications;

import java.util.Locale;

import academy.cedarheights.platform.jobs.Jobs;
import academy.cedarheights.platform.privacy.ErasedFamily;
import academy.cedarheights.platform.privacy.PersonalData;
import academy.cedarheights.platform.security.Sha256;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What was sent to an erased family stays as a line of the log — when, which template, whether it went — addressed to
 * the pseudonymous address, without its words; what was still waiting to go is not sent. Emails to others (a teacher
 * told a pupil left, an admin's alert) keep their words with the family's values replaced. The family's phone leaves
 * the list of numbers that replied STOP (Twilio keeps its own, and no school of ours has the number any more). The
 * email provider is asked, once the erasure is committed, to forget the family's addresses too.
 */
@Component
@Order(PersonalData.MESSAGES)
class NotificationErasure implements PersonalData {

    static final String NOT_SENT = "Not sent: the family asked to be erased.";
    private final JdbcClient jdbc;
    private final Jobs jobs;
    private final OneTimeTask<ForgetRecipientJob> forget;

    NotificationErasure(JdbcClient jdbc, Jobs jobs, OneTimeTask<ForgetRecipientJob> forget) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.forget = forget;
    }

    @Override
    public void erase(ErasedFamily family) {
        family.bind(jdbc.sql("""
                        update email_log set recipient = :address, body_text = null, body_html = null, model = '{}'::jsonb,
                               status = case when status = 'queued' then 'failed' else status end,
                               error = case when status = 'queued' then :notSent else %s end, subject = %s
                         where school_id = :school and recipient = any(cast(:emails as citext[]))"""
                        .formatted(ErasedFamily.erased("error"), ErasedFamily.erased("subject"))))
                .param("address", family.address()).param("notSent", NOT_SENT)
                .param("emails", family.emails().toArray(String[]::new)).update();
        family.bind(jdbc.sql("""
                        update email_log set subject = %s, body_text = %s, body_html = %s, model = %s::jsonb, error = %s
                         where school_id = :school and (%s or %s or %s or %s or %s)""".formatted(
                        ErasedFamily.erased("subject"), ErasedFamily.erased("body_text"),
                        ErasedFamily.erased("body_html"), ErasedFamily.erased("model::text"), ErasedFamily.erased("error"),
                        ErasedFamily.mentions("subject"), ErasedFamily.mentions("body_text"),
                        ErasedFamily.mentions("body_html"), ErasedFamily.mentions("model::text"),
                        ErasedFamily.mentions("error")))).update();
        family.bind(jdbc.sql("""
                        update text_messages set recipient = :erased, body = '',
                               status = case when status = 'queued' then 'withheld' else status end,
                               error = case when status = 'queued' then :notSent end
                         where school_id = :school and %s""".formatted(ErasedFamily.mentions("recipient"))))
                .param("erased", family.pseudonym()).param("notSent", NOT_SENT).update();
        family.bind(jdbc.sql("delete from text_opt_outs where " + ErasedFamily.mentions("phone"))).update();
        // the job's name is the address's hash: its row says whom it is for only until it is done
        family.emails().forEach(address -> jobs.schedule(forget, Sha256.hex(address.toLowerCase(Locale.ROOT)),
                new ForgetRecipientJob(family.school(), address)));
    }
}
