import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Closed-loop load driver for POST /api/v1/parent/bookings: N clients, each booking the next free
 * (student, slot) pair as its parent, for a fixed time. Prints one TSV line:
 * clients, requests, seconds, bookings/s, p50 ms, p95 ms, p99 ms, statuses.
 *
 * Usage: java BookingLoad.java BASE_URL JWT_SECRET SCHOOL_SLUG PAIRS_FILE CLIENTS SECONDS
 * PAIRS_FILE lines: payee_subject|payee_email|student_id|timeslot_id
 */
public class BookingLoad {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        byte[] secret = args[1].getBytes(StandardCharsets.UTF_8);
        String school = args[2];
        List<String[]> pairs = new ArrayList<>(Files.readAllLines(Path.of(args[3])).stream()
                .filter(line -> !line.isBlank()).map(line -> line.split("\\|")).toList());
        Collections.shuffle(pairs);
        int clients = Integer.parseInt(args[4]);
        Duration duration = Duration.ofSeconds(Long.parseLong(args[5]));

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        AtomicInteger next = new AtomicInteger();
        long[] latencies = new long[pairs.size()];
        AtomicInteger done = new AtomicInteger();
        var statuses = new ConcurrentHashMap<Integer, AtomicInteger>();
        Instant end = Instant.now().plus(duration);
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                int i;
                while (Instant.now().isBefore(end) && (i = next.getAndIncrement()) < pairs.size()) {
                    String[] pair = pairs.get(i);
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/parent/bookings"))
                            .header("Authorization", "Bearer " + token(secret, pair[0], pair[1], school))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"student_id\":\"" + pair[2]
                                    + "\",\"timeslot_id\":\"" + pair[3] + "\",\"billing_plan\":\"monthly\"}"))
                            .build();
                    long t0 = System.nanoTime();
                    int status;
                    try {
                        status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (Exception e) {
                        status = -1;
                    }
                    latencies[done.getAndIncrement()] = System.nanoTime() - t0;
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] measured = Arrays.copyOf(latencies, done.get());
        Arrays.sort(measured);
        System.out.printf("%d\t%d\t%.1f\t%.0f\t%.2f\t%.2f\t%.2f\t%s%n", clients, measured.length, seconds,
                measured.length / seconds, percentile(measured, 50), percentile(measured, 95), percentile(measured, 99),
                statuses);
    }

    static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    /** Our backend token, signed as the application signs it (HS256 with JWT_SECRET). */
    static String token(byte[] secret, String subject, String email, String school) {
        long now = Instant.now().getEpochSecond();
        String header = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        String claims = encode("{\"iss\":\"cedar-heights\",\"sub\":\"" + subject + "\",\"email\":\"" + email
                + "\",\"role\":\"parent\",\"school\":\"" + school + "\",\"iat\":" + now + ",\"exp\":" + (now + 7200) + "}");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] signature = mac.doFinal((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            return header + "." + claims + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
