package academy.cedarheights.platform.privacy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * One line of the privacy retention schedule: what a module removes of a school's records once they are older than
 * the school keeps them. Each module applies its own rules to its own tables; the daily privacy job runs them all,
 * school by school, and the console's privacy page lists them as they are.
 */
public interface RetentionRule {

    /** What goes, as the privacy page says it: "The text of emails (their date, subject and recipient stay)". */
    String what();

    /** How long it is kept before it goes. */
    Period keptFor();

    /** Why that long. */
    String why();

    /** Removes what of {@code school} is older than {@link #keptFor()} at {@code now}; how many records changed. */
    int apply(UUID school, Instant now);

    /** The moment before which records go: {@code now} less the period, counted in UTC days. */
    default Instant cutoff(Instant now) {
        return now.atOffset(ZoneOffset.UTC).minus(keptFor()).toInstant();
    }

    /** Removes a school's records dated before the cutoff (as the driver binds a timestamptz); how many it changed. */
    interface Removal {
        int before(UUID school, OffsetDateTime cutoff);
    }

    /** A rule whose removal is one statement of the module that owns the records. */
    static RetentionRule of(String what, Period keptFor, String why, Removal removal) {
        return new RetentionRule() {
            @Override
            public String what() {
                return what;
            }

            @Override
            public Period keptFor() {
                return keptFor;
            }

            @Override
            public String why() {
                return why;
            }

            @Override
            public int apply(UUID school, Instant now) {
                return removal.before(school, cutoff(now).atOffset(ZoneOffset.UTC));
            }
        };
    }
}
