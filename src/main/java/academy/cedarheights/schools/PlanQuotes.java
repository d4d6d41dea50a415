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

    /** @param lessons the lessons a semester or yearly plan pays for; 0 for the monthly plan, priced per month */
    public record Quote(BillingPlan plan, Money amount, int lessons, Money perLesson) {
    }

    public List<Quote> all(UUID school, int weekday, LocalDate firstLesson) {
        LessonCalendar calendar = calendars.of(school);
        return schools.profile(school).plans().stream().map(price -> quote(price, calendar, weekday, firstLesson)).toList();
    }

    public Quote of(UUID school, BillingPlan plan, int weekday, LocalDate firstLesson) {
        return all(school, weekday, firstLesson).stream().filter(quote -> quote.plan() == plan).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no such plan: " + plan));
    }

    private static Quote quote(PlanPrice price, LessonCalendar calendar, int weekday, LocalDate firstLesson) {
        if (price.perLesson() == null) {
            return new Quote(price.plan(), price.price(), 0, null);
        }
        int lessons = calendar.lessonsPaidBy(price.plan(), weekday, firstLesson);
        Money rate = price.perLesson();
        return new Quote(price.plan(), Money.of(lessons * rate.amount(), rate.currency()), lessons, rate);
    }
}
