package academy.cedarheights.schools;

import java.util.UUID;
import java.util.function.ToIntFunction;

import academy.cedarheights.platform.tenancy.TenantContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deployment-wide work done school by school (expiring holds, sending reminders): each school in a
 * transaction of its own, acting for that school, so row-level security applies as in a request and one
 * school's failure does not roll back another's work.
 */
@Component
public class SchoolSweep {

    private final Schools schools;
    private final TransactionTemplate transaction;

    SchoolSweep(Schools schools, TransactionTemplate transaction) {
        this.schools = schools;
        this.transaction = transaction;
    }

    /** @return the sum of what {@code work} counted in every school */
    public int each(ToIntFunction<UUID> work) {
        int total = 0;
        for (UUID school : schools.all()) {
            total += TenantContext.callAs(school, () -> transaction.execute(status -> work.applyAsInt(school)));
        }
        return total;
    }
}
