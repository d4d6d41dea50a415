package academy.cedarheights.operations;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import academy.cedarheights.platform.web.InvalidField;

/**
 * The days a report covers, in the school's zone, both included. Without days it is the current month so far; a
 * report covers at most two years, so that one request cannot ask the database for the school's whole history.
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

    static final long LONGEST_DAYS = 731;

    public ReportPeriod {
        if (to.isBefore(from)) {
            throw new InvalidField("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) > LONGEST_DAYS) {
            throw new InvalidField("to", "must be within two years of from");
        }
    }

    /** The days asked for; a missing end is the other end's month's, a missing start the first of the end's month. */
    public static ReportPeriod of(LocalDate from, LocalDate to, ZoneId zone, Clock clock) {
        LocalDate end = to != null ? to : from != null ? from.withDayOfMonth(from.lengthOfMonth()) : LocalDate.now(clock.withZone(zone));
        LocalDate start = from != null ? from : end.withDayOfMonth(1);
        return new ReportPeriod(start, end);
    }

    OffsetDateTime startsAt(ZoneId zone) {
        return from.atStartOfDay(zone).toOffsetDateTime();
    }

    OffsetDateTime endsBefore(ZoneId zone) {
        return to.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
    }
}
