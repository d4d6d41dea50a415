package academy.cedarheights.billing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import academy.cedarheights.platform.Money;
import academy.cedarheights.schools.Calendars;
import academy.cedarheights.schools.SchoolSweep;
import academy.cedarheights.schools.Schools;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A monthly family the school bills itself (activated outside the provider) owes each month as a subscription would
 * charge it: on the month's first days its account gets the month's charge, once — none for a month without its
 * lessons where the school pauses for closures.
 */
@Component
class OutsideMonths {

    private final JdbcClient jdbc;
    private final Schools schools;
    private final Calendars calendars;
    private final SiblingDiscounts discounts;
    private final SchoolSweep sweep;
    private final Clock clock;

    OutsideMonths(JdbcClient jdbc, Schools schools, Calendars calendars, SiblingDiscounts discounts, SchoolSweep sweep,
                  Clock clock) {
        this.jdbc = jdbc;
        this.schools = schools;
        this.calendars = calendars;
        this.discounts = discounts;
        this.sweep = sweep;
        this.clock = clock;
    }

    int chargeAll() {
        return sweep.each(this::charge);
    }

    private record Owing(UUID enrollmentId, UUID payeeId, int weekday, String student, String teacher, long priceCents,
                         String currency) {
    }

    int charge(UUID school) {
        LocalDate month = LocalDate.now(clock.withZone(ZoneId.of(schools.branding(school).timeZone()))).withDayOfMonth(1);
        LocalDate end = month.plusMonths(1).minusDays(1);
        boolean pauses = schools.yearRules(school).monthlyPausesForClosures();
        List<Owing> owing = jdbc.sql("""
                        select e.id as enrollment_id, st.payee_id, t.weekday, st.name as student,
                               te.name as teacher, s.monthly_price_cents as price_cents, s.currency
                          from enrollments e
                          join schools s on s.id = e.school_id
                          join students st on st.school_id = e.school_id and st.id = e.student_id
                          join timeslots t on t.school_id = e.school_id and t.id = e.timeslot_id
                          join teachers te on te.school_id = t.school_id and te.id = t.teacher_id
                         where e.school_id = :school and e.status = 'active' and e.billing_plan = 'monthly'
                           and e.start_date <= :end
                           and exists (select 1 from ledger_entries l where l.school_id = e.school_id and l.kind = 'charge'
                                          and l.provider_ref = 'outside-' || e.id)
                           and not exists (select 1 from ledger_entries l where l.school_id = e.school_id
                                              and l.enrollment_id = e.id and l.kind = 'charge' and l.covers_from = :month)""")
                .param("school", school).param("month", month).param("end", end).query(Owing.class).list();
        int charged = 0;
        for (Owing enrollment : owing) {
            if (pauses && calendars.of(school).lessonDates(enrollment.weekday(), month, end).isEmpty()) {
                continue;
            }
            discounts.charged(school, enrollment.payeeId(), enrollment.enrollmentId(),
                    "outside-" + enrollment.enrollmentId() + "-" + month,
                    discounts.price(school, enrollment.enrollmentId(), Money.of(enrollment.priceCents(), enrollment.currency())),
                    Ledger.ChargeFor.month(enrollment.student(), enrollment.teacher(), month), true);
            charged++;
        }
        return charged;
    }
}
