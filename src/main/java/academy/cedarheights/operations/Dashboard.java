package academy.cedarheights.operations;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import academy.cedarheights.lessons.Lessons;
import academy.cedarheights.platform.Money;
import com.fasterxml.jackson.annotation.JsonFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the school's admins watch: today's lessons, holds ageing, recent payments. One query each. */
@Service
@Transactional(readOnly = true)
public class Dashboard {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Lessons lessons;

    Dashboard(JdbcClient jdbc, Clock clock, Lessons lessons) {
        this.lessons = lessons;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record TodaysLesson(@JsonFormat(pattern = "HH:mm") LocalTime time, String student, String teacher, String room,
                               String attendance, UUID enrollmentId, boolean makeUp) {
    }

    public record Today(LocalDate date, List<TodaysLesson> lessons) {
    }

    public record AgeingHold(UUID enrollmentId, String student, String timeslot, Instant createdAt, long ageDays,
                             Instant provisionalExpiresAt, String failureReason, String nextAction) {
    }

    public record Payment(Instant occurredAt, String payee, Money amount, String status, String stripeEventId,
                          String invoiceId) {
    }

    /**
     * The school's money at a glance: what families owe (the sum of the balances that are positive), what they paid
     * this month in the school's zone (by any method), and the renewals announced or declined and not yet paid.
     */
    public record MoneyAtAGlance(Money owed, Money paidThisMonth, long renewalsPending, Money renewalsPendingAmount) {
    }

    public MoneyAtAGlance money(UUID school, ZoneId zone) {
        LocalDate firstOfMonth = LocalDate.now(clock.withZone(zone)).withDayOfMonth(1);
        return jdbc.sql("""
                        select s.currency,
                               (select coalesce(sum(balance), 0) from (
                                    select sum(amount_cents) filter (where status not in ('failed', 'void')) as balance
                                      from ledger_entries where school_id = s.id group by payee_id) families
                                 where balance > 0) as owed,
                               (select coalesce(-sum(amount_cents), 0) from ledger_entries
                                 where school_id = s.id and kind = 'payment' and status = 'paid'
                                   and occurred_at >= :month_starts) as paid,
                               (select count(*) from renewals where school_id = s.id
                                   and state in ('notice_sent', 'failed')) as renewals,
                               (select coalesce(sum(amount_cents), 0) from renewals where school_id = s.id
                                   and state in ('notice_sent', 'failed')) as renewals_amount
                          from schools s where s.id = :school""")
                .param("school", school)
                .param("month_starts", firstOfMonth.atStartOfDay(zone).toOffsetDateTime())
                .query((rs, row) -> {
                    String currency = rs.getString("currency");
                    return new MoneyAtAGlance(Money.of(rs.getLong("owed"), currency), Money.of(rs.getLong("paid"), currency),
                            rs.getLong("renewals"), Money.of(rs.getLong("renewals_amount"), currency));
                }).single();
    }

    /** What needs an admin's eye: jobs that gave up (not yet retried) and emails that could not be delivered. */
    public record NeedsAttention(long deadLetters, long failedEmails) {
    }

    public NeedsAttention needsAttention(UUID school) {
        return jdbc.sql("""
                        select (select count(*) from dead_letters where school_id = :school and retried_at is null) as dead_letters,
                               (select count(*) from email_log where school_id = :school and status = 'failed') as failed_emails""")
                .param("school", school).query(NeedsAttention.class).single();
    }

    /**
     * Today in the school's zone: the same lessons as the teachers' day and the attendance API ({@link Lessons#on}),
     * weekly and make-up, with their attendance.
     */
    public Today today(UUID school, ZoneId zone) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return new Today(today, lessons.on(school, today, null).stream()
                .map(lesson -> new TodaysLesson(lesson.startTime(), lesson.studentName(), lesson.teacherName(),
                        lesson.room(), lesson.attendance(), lesson.enrollmentId(), lesson.makeupId() != null))
                .toList());
    }

    /** Provisional holds, oldest first, with how long they have waited and what they wait for. */
    public List<AgeingHold> provisionals(UUID school) {
        return jdbc.sql("""
                        select e.id as enrollment_id, st.name as student,
                               to_char(date '2024-01-01' + (t.weekday - 1), 'FMDay') || ' ' || to_char(t.start_time, 'HH24:MI') as timeslot,
                               e.created_at, extract(day from now() - e.created_at)::bigint as age_days,
                               e.provisional_expires_at, e.failure_reason,
                               case when not coalesce(m.has_payment_method, false) then 'add_payment_method' end as next_action
                          from enrollments e
                          join timeslots t on t.school_id = e.school_id and t.id = e.timeslot_id
                          join students st on st.school_id = e.school_id and st.id = e.student_id
                          left join family_payment_methods m on m.school_id = st.school_id and m.payee_id = st.payee_id
                         where e.school_id = :school and e.status = 'provisional'
                         order by e.created_at, e.id""")
                .param("school", school).query(AgeingHold.class).list();
    }

    /** An active enrollment whose payment failed, with how many days of the school's grace are left. */
    public record PaymentProblem(UUID enrollmentId, String student, String family, String problem, Instant since,
                                 long daysLeft) {
    }

    /** Active enrollments whose payment failed, the one nearest its end first. */
    public List<PaymentProblem> paymentProblems(UUID school) {
        return jdbc.sql("""
                        select e.id as enrollment_id, st.name as student, p.name as family, e.payment_problem as problem,
                               e.payment_problem_since as since,
                               greatest(0, s.payment_grace_days - extract(day from now() - e.payment_problem_since))::bigint
                                   as days_left
                          from enrollments e
                          join schools s on s.id = e.school_id
                          join students st on st.school_id = e.school_id and st.id = e.student_id
                          join payees p on p.school_id = st.school_id and p.id = st.payee_id
                         where e.school_id = :school and e.status = 'active' and e.payment_problem_since is not null
                         order by e.payment_problem_since, e.id""")
                .param("school", school).query(PaymentProblem.class).list();
    }

    /** The latest payments and failures, newest first. */
    public List<Payment> payments(UUID school, int limit) {
        return jdbc.sql("""
                        select pm.occurred_at, p.name as payee, pm.amount_cents, pm.currency, pm.status, pm.stripe_event_id,
                               pm.stripe_invoice_id
                          from payments pm join payees p on p.school_id = pm.school_id and p.id = pm.payee_id
                         where pm.school_id = :school order by pm.occurred_at desc, pm.id limit :limit""")
                .param("school", school).param("limit", limit)
                .query((rs, row) -> new Payment(rs.getTimestamp("occurred_at").toInstant(), rs.getString("payee"),
                        Money.of(rs.getLong("amount_cents"), rs.getString("currency")), rs.getString("status"),
                        rs.getString("stripe_event_id"), rs.getString("stripe_invoice_id")))
                .list();
    }
}
