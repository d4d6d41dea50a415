package academy.cedarheights.platform.tenancy;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The school the current thread acts for. Every transaction begun while it is set tells PostgreSQL
 * ({@code app.school_id}), whose row-level security policies then show and accept that school's rows
 * only. Set per request once the school is resolved, and by jobs for the school they serve.
 */
public final class TenantContext {

    private static final ThreadLocal<UUID> CURRENT = new ThreadLocal<>();

    private TenantContext() {
    }

    public static Optional<UUID> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Runs {@code work} acting for {@code schoolId}, then restores what was there before. */
    public static <T> T callAs(UUID schoolId, Supplier<T> work) {
        UUID previous = CURRENT.get();
        CURRENT.set(schoolId);
        try {
            return work.get();
        } finally {
            restore(previous);
        }
    }

    public static void runAs(UUID schoolId, Runnable work) {
        callAs(schoolId, () -> {
            work.run();
            return null;
        });
    }

    static void set(UUID schoolId) {
        CURRENT.set(schoolId);
    }

    /**
     * Makes the rest of this thread's work (until the request ends) act for {@code schoolId}; only for
     * a transaction that has just created that school and switched its database setting to it.
     */
    public static void enter(UUID schoolId) {
        CURRENT.set(schoolId);
    }

    static void clear() {
        CURRENT.remove();
    }

    private static void restore(UUID previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }
}
