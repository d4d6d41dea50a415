package academy.cedarheights.platform.persistence;

import java.util.function.Supplier;

/**
 * Marks work whose transactions commit without waiting for the disk ({@code synchronous_commit = off}, set per
 * transaction). Only background jobs run so: they run at least once anyway (every provider call carries an
 * idempotency key, every step is guarded by the state it changes), so a crash that loses their last fraction of
 * a second of commits only makes the database hand those jobs out again. PostgreSQL still keeps the order of
 * commits, never their integrity. What a person is told has happened (a booking's 202) always waits for the disk.
 */
public final class AsyncCommit {

    private static final ThreadLocal<Boolean> ACTIVE = new ThreadLocal<>();

    private AsyncCommit() {
    }

    public static <T> T during(Supplier<T> work) {
        Boolean previous = ACTIVE.get();
        ACTIVE.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                ACTIVE.remove();
            } else {
                ACTIVE.set(previous);
            }
        }
    }

    static boolean active() {
        return ACTIVE.get() != null;
    }
}
