package academy.cedarheights.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;

/** Requests let loose together, one thread each, as a rush of families would send them. */
public final class Race {

    private Race() {
    }

    /** Runs every request at once and answers what each returned (an HTTP status, say), in the order given. */
    public static List<Integer> of(List<Callable<Integer>> requests) {
        var pool = Executors.newFixedThreadPool(requests.size());
        try {
            List<Integer> answers = new ArrayList<>();
            for (var future : pool.invokeAll(requests)) {
                answers.add(future.get());
            }
            return answers;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
