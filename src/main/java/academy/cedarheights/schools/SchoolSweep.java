package academy.cedarheights.schools;

import java.util.UUID;
import java.util.function.ToIntFunction;

import academy.cedarheights.platform.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deployment-wide work done school by school (expiring holds, sending reminders): each school in a
 * transaction of its own, acting for that school, so row-level security applies as in a request and one
 * school's failure does not roll back another's work.
 */
@Component
public class SchoolSweep {

    private static final Logger log = LoggerFactory.getLogger(SchoolSweep.class);
    private final Schools schools;
    private final TransactionTemplate transaction;

    SchoolSweep(Schools schools, TransactionTemplate transaction) {
        this.schools = schools;
        this.transaction = transaction;
    }

    /**
     * A school whose work fails is logged and skipped: its transaction rolls back, the next sweep tries it again, and
     * every other school's work goes on.
     *
     * @return the sum of what {@code work} counted in the schools where it succeeded
     */
    public int each(ToIntFunction<UUID> work) {
        int total = 0;
        for (UUID school : schools.all()) {
            try {
                total += TenantContext.callAs(school, () -> transaction.execute(status -> work.applyAsInt(school)));
            } catch (RuntimeException failed) {
                log.error("School-by-school work failed for school {}; skipped until the next run", school, failed);
            }
        }
        return total;
    }
}
