package academy.cedarheights.notifications;

import java.text.NumberFormat;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Currency;
import java.util.Locale;

/**
 * Dates, times and money in words a parent reads, in the school's time zone: "Tuesday, December 1, 2026",
 * "4:30 p.m.", "$140.00". Templates reach it as {@code fmt}.
 */
public final class EmailFormat {

    private static final Locale LOCALE = Locale.CANADA;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", LOCALE);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", LOCALE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", LOCALE);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy 'at' h:mm a z", LOCALE);

    private final ZoneId zone;
    private final Clock clock;

    EmailFormat(ZoneId zone, Clock clock) {
        this.zone = zone;
        this.clock = clock;
    }

    public String date(String isoDate) {
        return LocalDate.parse(isoDate).format(DATE);
    }

    /** A month as people write it: "December 2026". */
    public String month(String isoDate) {
        return LocalDate.parse(isoDate).format(MONTH);
    }

    public String time(String localTime) {
        return LocalTime.parse(localTime).format(TIME);
    }

    /** An instant as the school's wall clock shows it: "Tuesday, December 8, 2026 at 4:00 p.m. PST". */
    public String moment(String isoInstant) {
        return Instant.parse(isoInstant).atZone(zone).format(MOMENT);
    }

    /** "today", "tomorrow", or "on Tuesday, December 1, 2026". */
    public String relativeDay(String isoDate) {
        LocalDate day = LocalDate.parse(isoDate);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (day.equals(today)) {
            return "today";
        }
        return day.equals(today.plusDays(1)) ? "tomorrow" : "on " + day.format(DATE);
    }

    /** An ISO weekday as a recurring day: 2 → "Tuesdays". */
    public String weekdays(Object isoWeekday) {
        int day = isoWeekday instanceof Number number ? number.intValue() : Integer.parseInt(isoWeekday.toString());
        return DayOfWeek.of(day).getDisplayName(TextStyle.FULL, LOCALE) + "s";
    }

    public String money(Object cents, String currency) {
        NumberFormat format = NumberFormat.getCurrencyInstance(LOCALE);
        format.setCurrency(Currency.getInstance(currency));
        return format.format(((Number) cents).longValue() / 100.0);
    }
}
