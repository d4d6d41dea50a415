package academy.cedarheights.billing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import academy.cedarheights.booking.SiblingDiscount;
import academy.cedarheights.notifications.Email;
import academy.cedarheights.notifications.Notifications;
import academy.cedarheights.platform.Money;
import academy.cedarheights.schools.BillingPlan;
import academy.cedarheights.schools.CalendarChanged;
import academy.cedarheights.schools.Calendars;
import academy.cedarheights.schools.LessonCalendar;
import academy.cedarheights.schools.PlanQuotes;
import academy.cedarheights.schools.SchoolAddresses;
import academy.cedarheights.schools.Schools;
import academy.cedarheights.schools.YearRules;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The renewals a school's calendar calls for. When the next semester starts within {@code renewal_notice_days}, each
 * semester-plan enrollment paid through an earlier day gets one — that semester's lessons of its slot (closures left
 * out) × the per-lesson rate, charged on the semester's first day; a yearly plan the same when its year ends — and
 * the family a notice. A semester created, moved or closed afterwards changes the renewals not yet charged, and the
 * family is told the new terms; a renewal whose semester is gone, or that has no lesson left, is withdrawn.
 */
@Component
class RenewalNotices {

    private static final String COMING_YEAR = "the coming year";
    private final JdbcClient jdbc;
    private final Calendars calendars;
    private final PlanQuotes quotes;
    private final Schools schools;
    private final Notifications notifications;
    private final SchoolAddresses addresses;
    private final Clock clock;
    private final SiblingDiscount siblings;

    RenewalNotices(JdbcClient jdbc, Calendars calendars, PlanQuotes quotes, Schools schools,
                   Notifications notifications, SchoolAddresses addresses, Clock clock, SiblingDiscount siblings) {
        this.siblings = siblings;
        this.jdbc = jdbc;
        this.calendars = calendars;
        this.quotes = quotes;
        this.schools = schools;
        this.notifications = notifications;
        this.addresses = addresses;
        this.clock = clock;
    }

    private record Continuing(UUID enrollmentId, String billingPlan, LocalDate startDate, LocalDate paidThrough,
                              int weekday) {
    }

    /** A term to renew into: a semester, or (without one) the year after a yearly plan's. */
    private record Term(UUID semesterId, LocalDate start, LocalDate end) {
    }

    /** Renewals for every term enrollment whose next term starts within the notice days; how many were made. */
    int announce(UUID school, LocalDate today, YearRules rules) {
        LessonCalendar calendar = calendars.of(school);
        LocalDate horizon = today.plusDays(rules.renewalNoticeDays());
        Term nextSemester = jdbc.sql("""
                        select id as semester_id, start_date as start, end_date as end from semesters
                         where school_id = :school and start_date > :today and start_date <= :horizon
                         order by start_date limit 1""")
                .param("school", school).param("today", today).param("horizon", horizon).query(Term.class)
                .optional().orElse(null);
        int announced = 0;
        for (Continuing enrollment : continuing(school, horizon)) {
            Term term = enrollment.billingPlan().equals("yearly")
                    ? yearFrom(enrollment.startDate(), enrollment.paidThrough().plusDays(1)) : nextSemester;
            if (term == null || !term.start().isAfter(enrollment.paidThrough()) || term.start().isAfter(horizon)) {
                continue;
            }
            List<LocalDate> lessons = calendar.lessonDates(enrollment.weekday(), term.start(), term.end());
            if (!lessons.isEmpty() && renewal(school, enrollment, term, lessons)) {
                announced++;
            }
        }
        return announced;
    }

    /** Active term enrollments whose paid lessons end before the horizon and that have no renewal beyond them. */
    private List<Continuing> continuing(UUID school, LocalDate horizon) {
        return jdbc.sql("""
                        select e.id as enrollment_id, e.billing_plan, e.start_date, e.paid_through, t.weekday
                          from enrollments e
                          join timeslots t on t.school_id = e.school_id and t.id = e.timeslot_id
                         where e.school_id = :school and e.status = 'active' and e.billing_plan in ('semester', 'yearly')
                           and e.paid_through < :horizon
                           and not exists (select 1 from renewals r where r.school_id = e.school_id
                                              and r.enrollment_id = e.id and r.term_start > e.paid_through)""")
                .param("school", school).param("horizon", horizon).query(Continuing.class).list();
    }

    private boolean renewal(UUID school, Continuing enrollment, Term term, List<LocalDate> lessons) {
        Money amount = price(school, enrollment.billingPlan(), enrollment.weekday(), term);
        UUID id = jdbc.sql("""
                        insert into renewals (school_id, enrollment_id, semester_id, term_start, term_end, lessons,
                                              amount_cents, currency, charge_on, discount_percent)
                        values (:school, :enrollment, :semester, :start, :end, :lessons, :amount, :currency, :charge_on,
                                :discount)
                        on conflict (school_id, enrollment_id, term_start) do nothing
                        returning id""")
                .param("school", school).param("enrollment", enrollment.enrollmentId())
                .param("semester", term.semesterId()).param("start", term.start())
                .param("end", lessons.get(lessons.size() - 1)).param("lessons", lessons.size())
                .param("amount", amount.amount()).param("currency", amount.currency())
                .param("charge_on", chargeOn(term, lessons))
                .param("discount", siblings.percentFor(school, enrollment.enrollmentId()))
                .query(UUID.class).optional().orElse(null);
        if (id != null) {
            tell(school, id);
        }
        return id != null;
    }

    private record Open(UUID id, UUID enrollmentId, String state, String billingPlan, LocalDate startDate, int weekday,
                        UUID semesterId, LocalDate semesterStart, LocalDate semesterEnd, LocalDate termStart,
                        LocalDate termEnd, int lessons, long amountCents, int discountPercent, LocalDate chargeOn) {
    }

    /**
     * The school's semesters or closures changed: each renewal not yet charged follows the calendar (its lessons,
     * amount and charge day), and one that changed is announced again; then the sweep's announcing runs, for a
     * semester that now starts within the notice days.
     */
    @EventListener
    void on(CalendarChanged changed) {
        UUID school = changed.schoolId();
        LessonCalendar calendar = calendars.of(school);
        List<Open> open = jdbc.sql("""
                        select r.id, r.enrollment_id, r.state, e.billing_plan, e.start_date, t.weekday, r.semester_id,
                               s.start_date as semester_start, s.end_date as semester_end, r.term_start, r.term_end,
                               r.lessons, r.amount_cents, r.discount_percent, r.charge_on
                          from renewals r
                          join enrollments e on e.school_id = r.school_id and e.id = r.enrollment_id
                          join timeslots t on t.school_id = e.school_id and t.id = e.timeslot_id
                          left join semesters s on s.school_id = r.school_id and s.id = r.semester_id
                         where r.school_id = :school and r.state in ('notice_sent', 'opted_out')
                           and r.provider_invoice_id is null""")
                .param("school", school).query(Open.class).list();
        for (Open renewal : open) {
            follow(school, calendar, renewal);
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(schools.branding(school).timeZone())));
        announce(school, today, schools.yearRules(school));
    }

    private void follow(UUID school, LessonCalendar calendar, Open renewal) {
        boolean yearly = renewal.billingPlan().equals("yearly");
        Term term = yearly ? yearFrom(renewal.startDate(), renewal.termStart())
                : renewal.semesterStart() == null ? null
                : new Term(renewal.semesterId(), renewal.semesterStart(), renewal.semesterEnd());
        List<LocalDate> lessons = term == null ? List.of() : calendar.lessonDates(renewal.weekday(), term.start(), term.end());
        if (lessons.isEmpty()) {
            jdbc.sql("delete from renewals where school_id = :school and id = :id")
                    .param("school", school).param("id", renewal.id()).update();
            return;
        }
        Money amount = price(school, renewal.billingPlan(), renewal.weekday(), term);
        LocalDate last = lessons.get(lessons.size() - 1);
        LocalDate chargeOn = chargeOn(term, lessons);
        int discount = siblings.percentFor(school, renewal.enrollmentId());
        if (lessons.size() == renewal.lessons() && amount.amount() == renewal.amountCents()
                && discount == renewal.discountPercent() && chargeOn.equals(renewal.chargeOn())
                && term.start().equals(renewal.termStart()) && last.equals(renewal.termEnd())) {
            return;
        }
        jdbc.sql("""
                        update renewals set term_start = :start, term_end = :end, lessons = :lessons, amount_cents = :amount,
                               discount_percent = :discount, charge_on = :charge_on, updated_at = now()
                         where school_id = :school and id = :id""")
                .param("school", school).param("id", renewal.id()).param("start", term.start()).param("end", last)
                .param("lessons", lessons.size()).param("amount", amount.amount()).param("discount", discount)
                .param("charge_on", chargeOn).update();
        if (Objects.equals(renewal.state(), "notice_sent")) {
            tell(school, renewal.id());
        }
    }

    /**
     * A yearly plan's next term: from {@code from} to the end of the enrollment's year that holds it (years run from
     * its start date), so that lessons of a semester created later in a paid year are charged with that year.
     */
    private static Term yearFrom(LocalDate enrolled, LocalDate from) {
        int years = 1;
        while (enrolled.plusYears(years).minusDays(1).isBefore(from)) {
            years++;
        }
        return new Term(null, from, enrolled.plusYears(years).minusDays(1));
    }

    /** That term's lessons of the slot × the plan's per-lesson rate. */
    private Money price(UUID school, String plan, int weekday, Term term) {
        return quotes.forLessons(school, BillingPlan.of(plan).orElseThrow(), weekday, term.start(), term.end()).amount();
    }

    /** A semester is charged on its first day; a year on its first lesson. */
    private static LocalDate chargeOn(Term term, List<LocalDate> lessons) {
        return term.semesterId() != null ? term.start() : lessons.get(0);
    }

    private record Notice(UUID trackingId, String parentName, String email, String student, String teacher,
                          String semester, int weekday, LocalDate termStart, LocalDate termEnd, int lessons,
                          long amountCents, String currency, LocalDate chargeOn) {
    }

    /** The renewal notice, as the renewal stands: its term, lessons, amount, charge day and where to stop it. */
    private void tell(UUID school, UUID renewal) {
        Notice notice = jdbc.sql("""
                        select e.tracking_id, p.name as parent_name, p.email::text as email, st.name as student,
                               te.name as teacher, s.name as semester, t.weekday, r.term_start, r.term_end, r.lessons,
                               renewal_due(r.amount_cents, r.discount_percent) as amount_cents, r.currency, r.charge_on
                          from renewals r
                          join enrollments e on e.school_id = r.school_id and e.id = r.enrollment_id
                          join students st on st.school_id = e.school_id and st.id = e.student_id
                          join payees p on p.school_id = st.school_id and p.id = st.payee_id
                          join timeslots t on t.school_id = e.school_id and t.id = e.timeslot_id
                          join teachers te on te.school_id = t.school_id and te.id = t.teacher_id
                          left join semesters s on s.school_id = r.school_id and s.id = r.semester_id
                         where r.school_id = :school and r.id = :id""")
                .param("school", school).param("id", renewal).query(Notice.class).single();
        LocalDate firstLesson = calendars.of(school).firstLesson(notice.weekday(), notice.termStart()).orElseThrow();
        notifications.email(school, notice.email(), new Email.RenewalNotice(notice.parentName(), notice.student(),
                notice.teacher(), notice.semester() != null ? notice.semester() : COMING_YEAR, notice.lessons(),
                Money.of(notice.amountCents(), notice.currency()), notice.chargeOn(), firstLesson, notice.termEnd(),
                addresses.link(school, "/parent/renewals/" + notice.trackingId())));
    }
}
