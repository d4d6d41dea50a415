package academy.cedarheights.billing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;

import academy.cedarheights.booking.ActivatedOutsideProvider;
import academy.cedarheights.schools.BillingPlan;
import academy.cedarheights.schools.PlanQuotes;
import academy.cedarheights.schools.Schools;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An enrollment the school activated with billing outside the provider is charged in the family's ledger all the same
 * — its term's lessons, or its first month — so the family's balance shows what it owes until the school records
 * the cash, cheque or e-Transfer that pays it.
 */
@Component
class OutsideCharges {

    private final JdbcClient jdbc;
    private final PlanQuotes quotes;
    private final SiblingDiscounts discounts;
    private final Schools schools;
    private final Clock clock;

    OutsideCharges(JdbcClient jdbc, PlanQuotes quotes, SiblingDiscounts discounts, Schools schools, Clock clock) {
        this.jdbc = jdbc;
        this.quotes = quotes;
        this.discounts = discounts;
        this.schools = schools;
        this.clock = clock;
    }

    private record Activated(UUID payeeId, String student, String teacher, String billingPlan, LocalDate startDate,
                             LocalDate paidThrough, int weekday, LocalTime startTime) {
    }

    @EventListener
    void on(ActivatedOutsideProvider activated) {
        UUID school = activated.schoolId();
        Activated enrollment = jdbc.sql("""
                        select st.payee_id, st.name as student, te.name as teacher, e.billing_plan, e.start_date,
                               e.paid_through, t.weekday, t.start_time
                          from enrollments e
                          join students st on st.school_id = e.school_id and st.id = e.student_id
                          join timeslots t on t.school_id = e.school_id and t.id = e.timeslot_id
                          join teachers te on te.school_id = t.school_id and te.id = t.teacher_id
                         where e.school_id = :school and e.id = :id""")
                .param("school", school).param("id", activated.enrollmentId()).query(Activated.class).single();
        BillingPlan plan = BillingPlan.of(enrollment.billingPlan()).orElseThrow();
        if (plan == BillingPlan.MONTHLY) {
            LocalDate from = LocalDate.now(clock.withZone(ZoneId.of(schools.branding(school).timeZone())));
            from = enrollment.startDate().isAfter(from) ? enrollment.startDate() : from;
            discounts.charged(school, enrollment.payeeId(), activated.enrollmentId(), reference(activated),
                    discounts.price(school, activated.enrollmentId(),
                            quotes.of(school, plan, enrollment.weekday(), enrollment.startDate()).amount()),
                    Ledger.ChargeFor.month(enrollment.student(), enrollment.teacher(), from), true);
            return;
        }
        PlanQuotes.Quote quote = quotes.forLessons(school, plan, enrollment.weekday(), enrollment.startDate(),
                enrollment.paidThrough());
        discounts.charged(school, enrollment.payeeId(), activated.enrollmentId(), reference(activated),
                discounts.price(school, activated.enrollmentId(), quote.amount()),
                Ledger.ChargeFor.lessons(Ledger.ChargeFor.lessonsOf(enrollment.student(), enrollment.teacher())
                                + ", " + quote.lessons() + " lessons", quote.lessons(),
                        enrollment.startDate(), enrollment.paidThrough()), true);
    }

    /** Our own reference in place of a provider's id: one charge per activation. */
    private static String reference(ActivatedOutsideProvider activated) {
        return "outside-" + activated.enrollmentId();
    }
}
