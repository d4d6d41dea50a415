package academy.cedarheights.operations.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The term so far, so a fresh demo's calendar, reports and charts have something to show: more families filling most
 * of the timetable, every past lesson of the term marked (mostly present, some absences, a no-show, a lesson the
 * school cancelled; the last two days left for the visitor to mark), and each family's charges and payments — with
 * this month's still owed by a few. Pseudo-random but the same on every fresh start (hashed from the ids and days).
 */
@Component
class DemoHistory {

    static final String MARKED_BY = "teacher@cedar-heights.test";
    private static final List<String> PARENTS = List.of("Olivia Martin", "Ethan Roy", "Sophie Gauthier",
            "Lucas Wong", "Chloe Patel", "Benjamin Lee", "Zoe Campbell", "Nathan Bouchard", "Maya Singh", "Owen Fraser",
            "Isla MacDonald", "Leo Morin", "Hannah Kim", "Jacob Côté", "Aria Thompson", "Samuel Li", "Ella Wilson",
            "Noah Pelletier", "Grace Nguyen", "Felix Lavoie", "Ruby Anderson", "Theo Clark");
    private static final List<String> CHILDREN = List.of("Mia", "Liam", "Emma", "Jack", "Ava", "Oliver", "Lily",
            "William", "Nora", "James", "Alice", "Henry", "Clara", "Lucas", "Rose", "Elias", "Ivy", "Adam", "Stella",
            "Hugo", "Iris", "Max");
    private static final List<String> PLANS = List.of("monthly", "semester", "monthly", "yearly");

    private final JdbcClient jdbc;

    DemoHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void load(UUID school, LocalDate termStart, LocalDate today, ZoneId zone) {
        families(school, termStart, today);
        attendance(school, termStart, today);
        accounts(school, today, zone);
    }

    /** A family for most free slots (some stay free, for the demo parent and the waitlist). */
    private void families(UUID school, LocalDate termStart, LocalDate today) {
        List<Slot> free = jdbc.sql("""
                        select t.id, ti.instrument_id, t.teacher_id from timeslots t
                          join lateral (select instrument_id from teacher_instruments i
                                         where i.school_id = t.school_id and i.teacher_id = t.teacher_id
                                         order by instrument_id limit 1) ti on true
                         where t.school_id = :school
                           and not exists (select 1 from enrollments e where e.school_id = t.school_id
                                             and e.timeslot_id = t.id and e.status in ('provisional', 'active'))
                         order by t.weekday, t.start_time, t.id""")
                .param("school", school).query(Slot.class).list();
        int families = Math.min(PARENTS.size(), free.size() - 6);
        for (int i = 0; i < families; i++) {
            Slot slot = free.get(i);
            String parent = PARENTS.get(i);
            String surname = parent.substring(parent.indexOf(' ') + 1);
            UUID payee = jdbc.sql("""
                            insert into payees (school_id, name, email, phone) values (:school, :name, :email, :phone)
                            returning id""")
                    .param("school", school).param("name", parent)
                    .param("email", parent.toLowerCase().replace(' ', '.').replace('ô', 'o').replace('é', 'e') + "@example.com")
                    .param("phone", i % 3 == 0 ? null : "+1 604 555 " + String.format("%04d", 200 + i))
                    .query(UUID.class).single();
            UUID child = jdbc.sql("""
                            insert into students (school_id, payee_id, name, birth_date, instrument_id, teacher_pref_id,
                                                  consent_policy_accepted_at)
                            values (:school, :payee, :name, :birth, :instrument, :teacher, now()) returning id""")
                    .param("school", school).param("payee", payee).param("name", CHILDREN.get(i) + " " + surname)
                    .param("birth", today.minusYears(6 + i % 10).minusDays(i * 11L)).param("instrument", slot.instrumentId())
                    .param("teacher", slot.teacherId()).query(UUID.class).single();
            jdbc.sql("""
                            insert into enrollments (school_id, student_id, timeslot_id, billing_plan, status, start_date,
                                                     activated_at)
                            values (:school, :child, :slot, :plan, 'active', :start, now())""")
                    .param("school", school).param("child", child).param("slot", slot.id())
                    .param("plan", PLANS.get(i % PLANS.size())).param("start", termStart.plusWeeks(i % 3)).update();
        }
    }

    private record Slot(UUID id, UUID instrumentId, UUID teacherId) {
    }

    /** Every lesson of the term up to two days ago, marked as a term goes. */
    private void attendance(UUID school, LocalDate termStart, LocalDate today) {
        jdbc.sql("""
                        insert into attendance (school_id, enrollment_id, lesson_date, status, marked_by, marked_at)
                        select e.school_id, e.id, d.day,
                               case when abs(hashtext(e.id::text || d.day::text)) % 100 < 6 then 'absent'
                                    when abs(hashtext(e.id::text || d.day::text)) % 100 < 8 then 'no_show'
                                    when abs(hashtext(e.id::text || d.day::text)) % 100 < 9 then 'cancelled_by_school'
                                    else 'present' end,
                               :marked_by, d.day + t.end_time
                          from enrollments e
                          join timeslots t on t.school_id = e.school_id and t.id = e.timeslot_id
                          cross join lateral (select cast(g as date) as day
                                                from generate_series(cast(:from as timestamp), cast(:until as timestamp),
                                                                     interval '1 day') g) d
                         where e.school_id = :school and e.status = 'active' and d.day >= e.start_date
                           and is_lesson_day(e.school_id, t.weekday, d.day)""")
                .param("school", school).param("from", termStart).param("until", today.minusDays(3))
                .param("marked_by", MARKED_BY).update();
    }

    /**
     * Each family's charges and payments: a month at a time for a monthly plan, the term's lessons or a year's at
     * the start for the others; every third monthly family still owes this month.
     */
    private void accounts(UUID school, LocalDate today, ZoneId zone) {
        List<Billed> enrollments = jdbc.sql("""
                        select e.id, st.payee_id, e.billing_plan as plan, e.start_date, st.name as student,
                               te.name as teacher,
                               (select count(*) from generate_series(cast(e.start_date as timestamp),
                                                                     cast(coalesce(e.paid_through, e.start_date) as timestamp),
                                                                     interval '1 day') g
                                 where is_lesson_day(e.school_id, t.weekday, cast(g as date))) as lessons,
                               s.monthly_price_cents, s.semester_per_lesson_cents, s.yearly_per_lesson_cents
                          from enrollments e
                          join students st on st.school_id = e.school_id and st.id = e.student_id
                          join timeslots t on t.school_id = e.school_id and t.id = e.timeslot_id
                          join teachers te on te.school_id = t.school_id and te.id = t.teacher_id
                          join schools s on s.id = e.school_id
                         where e.school_id = :school and e.status = 'active' order by e.start_date, e.id""")
                .param("school", school).query(Billed.class).list();
        int monthly = 0;
        for (Billed billed : enrollments) {
            String lessonsOf = "Weekly lessons for " + billed.student() + " with " + billed.teacher();
            if (billed.plan().equals("monthly")) {
                monthly++;
                for (LocalDate month = billed.startDate().withDayOfMonth(1); !month.isAfter(today); month = month.plusMonths(1)) {
                    LocalDate charged = month.isBefore(billed.startDate()) ? billed.startDate() : month;
                    boolean owed = month.getMonth() == today.getMonth() && monthly % 3 == 0;
                    entry(school, billed, "charge", owed ? "open" : "paid", billed.monthlyPriceCents(),
                            lessonsOf + ", " + month.getMonth().getDisplayName(java.time.format.TextStyle.FULL,
                                    java.util.Locale.CANADA) + " " + month.getYear(), null, charged, zone);
                    if (!owed) {
                        entry(school, billed, "payment", "paid", -billed.monthlyPriceCents(), "Payment by card", "card",
                                charged, zone);
                    }
                }
            } else {
                long rate = billed.plan().equals("semester") ? billed.semesterPerLessonCents() : billed.yearlyPerLessonCents();
                long amount = rate * billed.lessons();
                entry(school, billed, "charge", "paid", amount, lessonsOf + ", " + billed.lessons() + " lessons", null,
                        billed.startDate(), zone);
                entry(school, billed, "payment", "paid", -amount, "Payment by card", "card", billed.startDate(), zone);
            }
        }
    }

    private record Billed(UUID id, UUID payeeId, String plan, LocalDate startDate, String student, String teacher,
                          long lessons, long monthlyPriceCents, long semesterPerLessonCents, long yearlyPerLessonCents) {
    }

    private void entry(UUID school, Billed billed, String kind, String status, long cents, String description,
                       String method, LocalDate day, ZoneId zone) {
        jdbc.sql("""
                        insert into ledger_entries (school_id, payee_id, enrollment_id, kind, status, amount_cents, currency,
                                                    description, method, occurred_at)
                        values (:school, :payee, :enrollment, :kind, :status, :cents, 'CAD', :description, :method, :at)""")
                .param("school", school).param("payee", billed.payeeId()).param("enrollment", billed.id())
                .param("kind", kind).param("status", status).param("cents", cents).param("description", description)
                .param("method", method)
                .param("at", day.atTime(LocalTime.of(kind.equals("charge") ? 9 : 10, 0)).atZone(zone).toOffsetDateTime())
                .update();
    }
}
