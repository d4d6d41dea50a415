package academy.cedarheights.schools;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When a weekly lesson happens: the dates of its weekday inside the school's semesters, outside closures.
 * Dates are the school's local dates and a lesson keeps its wall-clock time, so DST never moves one.
 * The one function booking, billing and lessons all count with.
 */
public record LessonCalendar(List<Period> semesters, List<Period> closures) {

    /** A span of days, both ends included. */
    public record Period(LocalDate start, LocalDate end) {

        boolean contains(LocalDate day) {
            return !day.isBefore(start) && !day.isAfter(end);
        }
    }

    /** The lesson dates of {@code weekday} (ISO, 1 = Monday) from {@code from} to {@code to}, both included. */
    public List<LocalDate> lessonDates(int weekday, LocalDate from, LocalDate to) {
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate day = from.with(TemporalAdjusters.nextOrSame(DayOfWeek.of(weekday))); !day.isAfter(to);
             day = day.plusWeeks(1)) {
            if (isLessonDay(day)) {
                dates.add(day);
            }
        }
        return dates;
    }

    /** The first lesson date of {@code weekday} on or after {@code from}, if any semester has one. */
    public Optional<LocalDate> firstLesson(int weekday, LocalDate from) {
        return semesters.stream()
                .filter(semester -> !semester.end().isBefore(from))
                .map(semester -> lessonDates(weekday, from.isAfter(semester.start()) ? from : semester.start(), semester.end()))
                .filter(dates -> !dates.isEmpty())
                .map(dates -> dates.get(0))
                .min(LocalDate::compareTo);
    }

    /**
     * The lessons a plan starting on {@code start} pays for: a semester plan to the end of that lesson's semester —
     * and the whole next semester too when fewer than {@code minLessons} are left and a next one exists — a yearly
     * plan for a year from it. Monthly plans are priced per month: no lessons.
     */
    public List<LocalDate> term(BillingPlan plan, int weekday, LocalDate start, int minLessons) {
        if (plan == BillingPlan.MONTHLY) {
            return List.of();
        }
        if (plan == BillingPlan.YEARLY) {
            return lessonDates(weekday, start, start.plusYears(1).minusDays(1));
        }
        Optional<Period> semester = semesterOf(start);
        List<LocalDate> dates = new ArrayList<>(lessonDates(weekday, start, semester.map(Period::end).orElse(start)));
        if (dates.size() < minLessons) {
            semester.flatMap(current -> semesterAfter(current.end()))
                    .ifPresent(next -> dates.addAll(lessonDates(weekday, next.start(), next.end())));
        }
        return dates;
    }

    /** The first semester starting after {@code day}. */
    public Optional<Period> semesterAfter(LocalDate day) {
        return semesters.stream().filter(semester -> semester.start().isAfter(day))
                .min((a, b) -> a.start().compareTo(b.start()));
    }

    /** The semester a day falls in. */
    public Optional<Period> semesterOf(LocalDate day) {
        return semesters.stream().filter(semester -> semester.contains(day)).findFirst();
    }

    public boolean isLessonDay(LocalDate day) {
        return semesters.stream().anyMatch(semester -> semester.contains(day))
                && closures.stream().noneMatch(closure -> closure.contains(day));
    }
}
