package academy.cedarheights.operations.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;

/**
 * The demo school's term that contains a given day, so the demo is live whenever it is started:
 * Fall (September–December, closed on Thanksgiving, the second Monday of October), Winter
 * (January–June, closed on Family Day, the third Monday of February) and Summer (July–August,
 * closed on Canada Day).
 */
record DemoTerm(String name, LocalDate start, LocalDate end, LocalDate closure, String closureReason) {

    static DemoTerm containing(LocalDate day) {
        int year = day.getYear();
        if (day.getMonthValue() >= Month.SEPTEMBER.getValue()) {
            return new DemoTerm("Fall " + year, LocalDate.of(year, 9, 1), LocalDate.of(year, 12, 31),
                    nthMonday(year, Month.OCTOBER, 2), "Thanksgiving");
        }
        if (day.getMonthValue() >= Month.JULY.getValue()) {
            return new DemoTerm("Summer " + year, LocalDate.of(year, 7, 1), LocalDate.of(year, 8, 31),
                    LocalDate.of(year, 7, 1), "Canada Day");
        }
        return new DemoTerm("Winter " + year, LocalDate.of(year, 1, 1), LocalDate.of(year, 6, 30),
                nthMonday(year, Month.FEBRUARY, 3), "Family Day");
    }

    private static LocalDate nthMonday(int year, Month month, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, DayOfWeek.MONDAY));
    }
}
