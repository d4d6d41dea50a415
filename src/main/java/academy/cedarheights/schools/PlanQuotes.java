package academy.cedarheights.schools;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import academy.cedarheights.platform.Money;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each plan costs for a weekly slot from its first lesson: the monthly price, or the lessons the plan pays for
 * (to the semester's end, or for a year) × the plan's rate. The booking pages show it and the billing charges it.
 */
@Service
@Transactional(readOnly = true)
public class PlanQuotes {

    private final Schools schools;
    private final Calendars calendars;

    PlanQuotes(Schools schools, Calendars calendars) {
        this.schools = schools;
        this.calendars = calendars;
    }

    /**
     * @param lessons     the lessons a semester or yearly plan pays for; 0 for the monthly plan, priced per month
     * @param paidThrough the last of those lessons; null for the monthly plan
     */
    public record Quote(BillingPlan plan, Money amount, int lessons, Money perLesson, LocalDate paidThrough) {
    }

    public List<Quote> all(UUID school, int weekday, LocalDate firstLesson) {
        LessonCalendar calendar = calendars.of(school);
        int minLessons = schools.yearRules(school).minLessonsInTerm();
        return schools.profile(school).plans().stream()
                .map(price -> quote(price, calendar.term(price.plan(), weekday, firstLesson, minLessons))).toList();
    }

    /** What the lessons of a weekly slot from {@code from} to {@code through} cost on a per-lesson plan. */
    public Quote forLessons(UUID school, BillingPlan plan, int weekday, LocalDate from, LocalDate through) {
        PlanPrice price = schools.profile(school).plans().stream().filter(candidate -> candidate.plan() == plan)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no such plan: " + plan));
        return quote(price, calendars.of(school).lessonDates(weekday, from, through));
    }

    public Quote of(UUID school, BillingPlan plan, int weekday, LocalDate firstLesson) {
        return all(school, weekday, firstLesson).stream().filter(quote -> quote.plan() == plan).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no such plan: " + plan));
    }

    private static Quote quote(PlanPrice price, List<LocalDate> lessons) {
        if (price.perLesson() == null) {
            return new Quote(price.plan(), price.price(), 0, null, null);
        }
        Money rate = price.perLesson();
        return new Quote(price.plan(), Money.of(lessons.size() * rate.amount(), rate.currency()), lessons.size(), rate,
                lessons.isEmpty() ? null : lessons.get(lessons.size() - 1));
    }
}
