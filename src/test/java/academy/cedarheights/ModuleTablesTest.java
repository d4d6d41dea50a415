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
 * Each module writes only its own tables; it reads the others' through their facades or the read views their owner
 * publishes. This reads every statement in the main sources and fails on an {@code insert}, {@code update} or
 * {@code delete} of a table another module owns — and on a table nobody was said to own.
 */
class ModuleTablesTest {

    /** Who owns which table (and so may write it). */
    static final Map<String, Set<String>> OWNERS = Map.of(
            "platform", Set.of("audit_log", "dead_letters", "idempotency_keys", "scheduled_tasks"),
            "identity", Set.of("accounts", "account_links", "invitations", "rate_limit_counters", "session_generations",
                    "revoked_sessions"),
            "schools", Set.of("schools", "school_admin_emails", "instruments", "teachers", "teacher_instruments", "rooms",
                    "timeslots", "semesters", "closures"),
            "families", Set.of("payees", "students"),
            "booking", Set.of("enrollments"),
            "billing", Set.of("billing_customers", "stripe_customers", "stripe_events", "payments", "orphan_charges", "billing_runs", "billing_products", "billing_prices",
                    "subscription_events_applied", "simulated_checkouts"),
            "lessons", Set.of("attendance", "makeup_credits", "lesson_reminders"),
            "notifications", Set.of("email_log", "text_messages"),
            "operations", Set.of());

    /** The demo school is fixture data, loaded past the modules on purpose, as a test's would be. */
    static final Path EXEMPT = Path.of("operations", "demo");

    private static final Path SOURCES = Path.of("src/main/java/academy/cedarheights");
    private static final Pattern WRITE = Pattern.compile(
            "\\b(?:insert\\s+into|delete\\s+from|update)\\s+([a-z_]+)(?:\\s+as\\s+[a-z_]+)?\\s+(?:set|\\(|values|where|select)\\b",
            Pattern.CASE_INSENSITIVE);

    @Test
    void everyModuleWritesOnlyItsOwnTables() {
        Map<String, String> ownerOf = OWNERS.entrySet().stream().flatMap(owner -> owner.getValue().stream()
                .map(table -> Map.entry(table, owner.getKey()))).collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
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
    void theScanSeesAWriteWhereverItIsWritten() {
        assertThat(WRITE.matcher("update payees set name = :name").find()).isTrue();
        assertThat(WRITE.matcher("insert into billing_customers as b (school_id) values (:s)").find()).isTrue();
        assertThat(WRITE.matcher("DELETE FROM students where id = :id").find()).isTrue();
        assertThat(WRITE.matcher("on conflict (id) do update set name = excluded.name").find()).isFalse();
        assertThat(WRITE.matcher(".update();").find()).isFalse();
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
