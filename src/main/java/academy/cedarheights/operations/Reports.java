package academy.cedarheights.operations;

import java.util.List;
import java.util.UUID;

import academy.cedarheights.platform.Money;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the owner adds up at the end of a month: what each teacher earned, what families were charged and paid, who
 * came. One query each, over the days of a {@link ReportPeriod} in the school's zone.
 */
@Service
@Transactional(readOnly = true)
public class Reports {

    /**
     * Every marked lesson of the period, weekly and make-up, with the teacher who taught it: a weekly lesson is in the
     * slot its enrollment had that day (a move keeps past lessons with the old teacher) — asked only of enrollments
     * that ever moved, as asking it of every lesson of a term costs two thirds of the report.
     */
    private static final String MARKED_LESSONS = """
            with moved as (select distinct enrollment_id from enrollment_moves where school_id = :school),
            marked as (
                select t.teacher_id, e.student_id, a.status, false as make_up
                  from attendance a
                  join enrollments e on e.school_id = a.school_id and e.id = a.enrollment_id
                  left join moved on moved.enrollment_id = e.id
                  join timeslots t on t.school_id = a.school_id
                       and t.id = case when moved.enrollment_id is null then e.timeslot_id
                                       else lesson_slot(a.school_id, a.enrollment_id, e.timeslot_id, a.lesson_date) end
                 where a.school_id = :school and a.lesson_date between :from and :to
                union all
                select t.teacher_id, c.student_id, c.attendance, true
                  from makeup_credits c
                  join timeslots t on t.school_id = c.school_id and t.id = c.booked_timeslot_id
                 where c.school_id = :school and c.booked_date between :from and :to and c.attendance is not null)
            """;

    private final JdbcClient jdbc;

    Reports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A teacher's pay for the period: lessons and make-ups the teacher was there for, at the teacher's rate. */
    public record PayrollLine(UUID teacherId, String teacher, long lessons, long makeUps, Money payPerLesson, Money total) {
    }

    /** What a month's entries of one plan add up to; {@code plan} is {@code none} for entries of no enrollment. */
    public record RevenueLine(String month, String plan, Money charged, Money paid, Money refunded, Money outstanding) {
    }

    /** How one pupil's lessons with one teacher went. */
    public record AttendanceLine(UUID teacherId, String teacher, UUID studentId, String student, long present,
                                 long absent, long noShow, long cancelled) {
    }

    /**
     * Lessons and make-ups marked present or no-show (the teacher was there) × the teacher's pay per lesson; a
     * reported absence or a lesson the school cancelled is not paid. Every active teacher is listed, and any other
     * who taught in the period.
     */
    public List<PayrollLine> payroll(CurrentSchool school, ReportPeriod period) {
        return jdbc.sql(MARKED_LESSONS + """
                        , taught as (select teacher_id, count(*) filter (where not make_up) as lessons,
                                            count(*) filter (where make_up) as make_ups
                                       from marked where status in ('present', 'no_show') group by teacher_id)
                        select te.id, te.name, coalesce(taught.lessons, 0) as lessons,
                               coalesce(taught.make_ups, 0) as make_ups, te.pay_per_lesson_cents, s.currency
                          from teachers te
                          join schools s on s.id = te.school_id
                          left join taught on taught.teacher_id = te.id
                         where te.school_id = :school and (te.active or taught.teacher_id is not null)
                         order by te.name, te.id""")
                .param("school", school.id()).param("from", period.from()).param("to", period.to())
                .query((rs, row) -> {
                    String currency = rs.getString("currency");
                    long lessons = rs.getLong("lessons");
                    long makeUps = rs.getLong("make_ups");
                    long rate = rs.getLong("pay_per_lesson_cents");
                    return new PayrollLine(rs.getObject("id", UUID.class), rs.getString("name"), lessons, makeUps,
                            Money.of(rate, currency), Money.of(rate * (lessons + makeUps), currency));
                }).list();
    }

    /**
     * The ledger by month (in the school's zone) and plan: charged (net of discounts), paid, refunded, and what of
     * the month's charges is still owed (open charges, net of their discounts). Failed and void entries count nowhere.
     */
    public List<RevenueLine> revenue(CurrentSchool school, ReportPeriod period) {
        return jdbc.sql("""
                        with entries as (
                            select to_char(l.occurred_at at time zone :zone, 'YYYY-MM') as month,
                                   coalesce(e.billing_plan, 'none') as plan, l.currency, l.kind, l.status, l.amount_cents,
                                   l.kind = 'adjustment' and exists (
                                       select 1 from ledger_entries c
                                        where c.school_id = l.school_id and c.kind = 'charge' and c.status = 'open'
                                          and c.provider_ref = l.provider_ref) as discounts_open_charge
                              from ledger_entries l
                              left join enrollments e on e.school_id = l.school_id and e.id = l.enrollment_id
                             where l.school_id = :school and l.occurred_at >= :starts and l.occurred_at < :ends
                               and l.status not in ('failed', 'void'))
                        select month, plan, currency,
                               coalesce(sum(amount_cents) filter (where kind in ('charge', 'adjustment')), 0) as charged,
                               coalesce(-sum(amount_cents) filter (where kind = 'payment' and status = 'paid'), 0) as paid,
                               coalesce(sum(amount_cents) filter (where kind = 'refund'), 0) as refunded,
                               coalesce(sum(amount_cents) filter (where kind = 'charge' and status = 'open'
                                                                     or discounts_open_charge), 0) as outstanding
                          from entries group by month, plan, currency order by month, plan""")
                .param("school", school.id()).param("zone", school.timeZone().getId())
                .param("starts", period.startsAt(school.timeZone()))
                .param("ends", period.endsBefore(school.timeZone()))
                .query((rs, row) -> {
                    String currency = rs.getString("currency");
                    return new RevenueLine(rs.getString("month"), rs.getString("plan"),
                            Money.of(rs.getLong("charged"), currency), Money.of(rs.getLong("paid"), currency),
                            Money.of(rs.getLong("refunded"), currency), Money.of(rs.getLong("outstanding"), currency));
                }).list();
    }

    /** Per teacher and pupil, the period's marked lessons (make-ups with the teacher who gave them). */
    public List<AttendanceLine> attendance(CurrentSchool school, ReportPeriod period) {
        return jdbc.sql(MARKED_LESSONS + """
                        select te.id as teacher_id, te.name as teacher, st.id as student_id, st.name as student,
                               m.present, m.absent, m.no_show, m.cancelled
                          from (select teacher_id, student_id,
                                       count(*) filter (where status = 'present') as present,
                                       count(*) filter (where status = 'absent') as absent,
                                       count(*) filter (where status = 'no_show') as no_show,
                                       count(*) filter (where status = 'cancelled_by_school') as cancelled
                                  from marked group by teacher_id, student_id) m
                          join teachers te on te.school_id = :school and te.id = m.teacher_id
                          join students st on st.school_id = :school and st.id = m.student_id
                         order by te.name, te.id, st.name, st.id""")
                .param("school", school.id()).param("from", period.from()).param("to", period.to())
                .query(AttendanceLine.class).list();
    }
}
