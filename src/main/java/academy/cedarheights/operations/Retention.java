package academy.cedarheights.operations;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import academy.cedarheights.platform.jobs.JobDefinitions;
import academy.cedarheights.platform.privacy.RetentionRule;
import academy.cedarheights.schools.SchoolSweep;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Service;

/**
 * The privacy retention schedule: every module's rules, applied once a day to each school on its own (one school's
 * failure does not hold back another's), and listed as they are on the console's privacy page — the schedule the
 * school tells its families is the one the code runs.
 */
@Service
public class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    private final List<RetentionRule> rules;
    private final SchoolSweep sweeps;
    private final Clock clock;

    Retention(List<RetentionRule> rules, SchoolSweep sweeps, Clock clock) {
        this.rules = rules.stream().sorted(Comparator.comparing(RetentionRule::keptFor,
                Comparator.comparing(period -> period.toTotalMonths() * 31 + period.getDays()))).toList();
        this.sweeps = sweeps;
        this.clock = clock;
    }

    /** The schedule, the shortest kept first. */
    public List<RetentionRule> schedule() {
        return rules;
    }

    /** Applies every rule to one school (in the caller's transaction, acting for that school); records changed. */
    public int apply(UUID school) {
        return rules.stream().mapToInt(rule -> rule.apply(school, clock.instant())).sum();
    }

    /** The daily run: every school, each in a transaction of its own. */
    public int applyAll() {
        int changed = sweeps.each(this::apply);
        log.info("Privacy retention: {} records removed or emptied", changed);
        return changed;
    }

    @Configuration(proxyBeanMethods = false)
    static class Daily {

        @Bean
        RecurringTask<Void> privacyRetention(JobDefinitions jobs, Retention retention) {
            return jobs.recurring("privacy-retention", Duration.ofDays(1), retention::applyAll);
        }
    }
}
