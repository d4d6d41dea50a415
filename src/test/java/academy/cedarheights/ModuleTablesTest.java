package academy.cedarheights;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Each module writes only its own tables; it reads the others' through their facades, the read views their owner
 * publishes, or — for the modules its map allows it to depend on ({@code allowedDependencies} in its
 * {@code package-info}) — their tables in a query of its own, so that SQL follows the same one-way arrows as the code.
 * This reads every statement in the main sources and fails on an {@code insert}, {@code update} or {@code delete} of a
 * table another module owns, on a table nobody was said to own, and on a read against the arrows.
 */
class ModuleTablesTest {

    /** Who owns which table (and so may write it). */
    static final Map<String, Set<String>> OWNERS = Map.of(
            "platform", Set.of("audit_log", "dead_letters", "idempotency_keys", "scheduled_tasks"),
            "identity", Set.of("accounts", "account_links", "invitations", "rate_limit_counters", "session_generations",
                    "revoked_sessions"),
            "schools", Set.of("schools", "school_admin_emails", "instruments", "teachers", "teacher_instruments", "rooms",
                    "timeslots", "semesters", "closures"),
            "families", Set.of("payees", "students", "consents"),
            "booking", Set.of("enrollments", "enrollment_moves", "waitlist_entries", "waitlist_offers"),
            "billing", Set.of("billing_customers", "stripe_customers", "stripe_events", "payments", "orphan_charges", "billing_runs", "billing_products", "billing_prices", "simulated_card_charges",
                    "subscription_events_applied", "simulated_checkouts", "ledger_entries", "renewals", "billing_pauses",
                    "monthly_discounts"),
            "lessons", Set.of("attendance", "makeup_credits", "lesson_reminders", "make_up_offer_notices"),
            "notifications", Set.of("email_log", "text_messages", "text_opt_outs"),
            "operations", Set.of("incidents"));

    /** The demo school is fixture data, loaded past the modules on purpose, as a test's would be. */
    static final Path EXEMPT = Path.of("operations", "demo");

    private static final Path SOURCES = Path.of("src/main/java/academy/cedarheights");
    private static final Pattern WRITE = Pattern.compile(
            "\\b(?:insert\\s+into|delete\\s+from|update)\\s+([a-z_]+)(?:\\s+as\\s+[a-z_]+)?\\s+(?:set|\\(|values|where|select)\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern READ = Pattern.compile("\\b(?:from|join)\\s+([a-z_]+)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ALLOWED = Pattern.compile("allowedDependencies\\s*=\\s*\\{([^}]*)}");

    @Test
    void everyModuleWritesOnlyItsOwnTables() {
        Map<String, String> ownerOf = ownerOfEachTable();
        List<String> trespasses = new ArrayList<>();
        for (Path file : javaFiles()) {
            Path relative = SOURCES.relativize(file);
            if (relative.getNameCount() < 2 || relative.startsWith(EXEMPT)) {
                continue;
            }
            String module = relative.getName(0).toString();
            Matcher write = WRITE.matcher(read(file));
            while (write.find()) {
                String table = write.group(1).toLowerCase();
                if (!module.equals(ownerOf.get(table))) {
                    trespasses.add(relative + " writes " + table + " (owned by " + ownerOf.getOrDefault(table, "nobody") + ")");
                }
            }
        }
        assertThat(trespasses).isEmpty();
    }

    @Test
    void everyModuleReadsOnlyAlongItsArrowsOrThroughPublishedViews() {
        Map<String, String> ownerOf = ownerOfEachTable();
        List<String> against = new ArrayList<>();
        for (Path file : javaFiles()) {
            Path relative = SOURCES.relativize(file);
            if (relative.getNameCount() < 2 || relative.startsWith(EXEMPT)) {
                continue;
            }
            String module = relative.getName(0).toString();
            Set<String> mayRead = allowedDependencies(module);
            Matcher read = READ.matcher(read(file));
            while (read.find()) {
                String owner = ownerOf.get(read.group(1).toLowerCase());
                if (owner != null && !owner.equals(module) && !mayRead.contains(owner)) {
                    against.add(relative + " reads " + read.group(1) + " of " + owner + ", not among " + mayRead);
                }
            }
        }
        assertThat(against).isEmpty();
    }

    @Test
    void theScanSeesAWriteWhereverItIsWritten() {
        assertThat(WRITE.matcher("update payees set name = :name").find()).isTrue();
        assertThat(WRITE.matcher("insert into billing_customers as b (school_id) values (:s)").find()).isTrue();
        assertThat(WRITE.matcher("DELETE FROM students where id = :id").find()).isTrue();
        assertThat(WRITE.matcher("on conflict (id) do update set name = excluded.name").find()).isFalse();
        assertThat(WRITE.matcher(".update();").find()).isFalse();
        assertThat(READ.matcher("select m.x from makeup_credits m join payees p on").results().map(read -> read.group(1)))
                .containsExactly("makeup_credits", "payees");
        assertThat(allowedDependencies("booking")).contains("families", "schools").doesNotContain("lessons");
    }

    private static Map<String, String> ownerOfEachTable() {
        return OWNERS.entrySet().stream().flatMap(owner -> owner.getValue().stream()
                .map(table -> Map.entry(table, owner.getKey()))).collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The modules a module's map lets it depend on, read from its {@code package-info}. */
    private static Set<String> allowedDependencies(String module) {
        Matcher declared = ALLOWED.matcher(read(SOURCES.resolve(module).resolve("package-info.java")));
        if (!declared.find()) {
            return Set.of();
        }
        return Pattern.compile("\"([a-z]+)\"").matcher(declared.group(1)).results().map(name -> name.group(1))
                .collect(Collectors.toSet());
    }

    private static List<Path> javaFiles() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(path -> path.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
