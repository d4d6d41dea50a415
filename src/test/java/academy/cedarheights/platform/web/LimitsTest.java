package academy.cedarheights.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import academy.cedarheights.support.Api;
import academy.cedarheights.support.Api.Answer;
import academy.cedarheights.support.Api.Session;
import academy.cedarheights.support.DatabaseOwner;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.TestSchool;
import academy.cedarheights.support.TestSchools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Limits, written as the attacks they stop: huge bodies, pathological addresses, a family hoarding slots. */
@IntegrationTest
class LimitsTest {

    static final String JSON = "application/json";

    @Autowired Api api;
    @Autowired TestSchools schools;
    @Autowired DatabaseOwner owner;
    @LocalServerPort int port;

    TestSchool school;

    @BeforeEach
    void aSchool() {
        school = schools.create();
    }

    @Test
    void aBodyOverOneMebibyteIs413ProblemWithOrWithoutADeclaredLength() {
        String twoMegabytes = "{\"email\": \"" + "a".repeat(2 * 1024 * 1024) + "@x.test\", \"password\": \"p\"}";
        Answer declared = api.post("/api/v1/auth/login", twoMegabytes, "Content-Type", JSON, "X-School", school.slug());
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.header("Content-Type")).startsWith("application/problem+json");
        assertThat(declared.text("type")).endsWith("/payload-too-large");

        byte[] bytes = twoMegabytes.getBytes(StandardCharsets.UTF_8);
        Answer streamed = api.send(HttpRequest.newBuilder(api.uri("/api/v1/auth/signup"))
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))),
                "Content-Type", JSON, "X-School", school.slug());
        assertThat(streamed.status()).as("chunked, counted as it is read").isEqualTo(413);
        assertThat(streamed.text("type")).endsWith("/payload-too-large");
        assertThat(owner.jdbc().sql("select count(*) from accounts where school_id = :s").param("s", school.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void theWebhookTakesAtMostHalfAMebibyte() {
        String event = "{\"id\": \"evt_big\", \"padding\": \"" + "x".repeat(600 * 1024) + "\"}";
        Answer big = api.post("/api/v1/webhooks/stripe", event, "Content-Type", JSON, "Stripe-Signature", "t=1,v1=00");
        assertThat(big.status()).isEqualTo(413);
        String small = "{\"id\": \"evt_small\", \"padding\": \"" + "x".repeat(400 * 1024) + "\"}";
        assertThat(api.post("/api/v1/webhooks/stripe", small, "Content-Type", JSON, "Stripe-Signature", "t=1,v1=00")
                .status()).as("under the limit, refused for its signature").isEqualTo(400);
    }

    @Test
    void aTwoGigabyteWebhookIsRefusedBeforeItsBodyIsSent() throws Exception {
        long started = System.nanoTime();
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/webhooks/stripe HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Stripe-Signature: t=1,v1=00\r\nContent-Length: 2147483648\r\n\r\n{\"id\":").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(statusLine).isEqualTo("HTTP/1.1 413");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void sixteenConcurrentPathologicalAddressesAreEachAnsweredWithinASecond() throws Exception {
        // a regular expression that backtracks would take minutes on these; lengths are checked first
        String tooLarge = "{\"email\": \"" + "a@".repeat(750_000) + "\", \"password\": \"p\", \"name\": \"n\"}";
        String underTheLimit = "{\"email\": \"" + "a.".repeat(450_000) + "@" + "b".repeat(10) + "!\", "
                + "\"password\": \"correct horse battery\", \"name\": \"n\"}";
        List<Callable<long[]>> attacks = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String body = i % 2 == 0 ? tooLarge : underTheLimit;
            attacks.add(() -> {
                long started = System.nanoTime();
                Answer answer = api.post("/api/v1/auth/signup", body, "Content-Type", JSON, "X-School", school.slug());
                return new long[] {answer.status(), (System.nanoTime() - started) / 1_000_000};
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            for (Future<long[]> answer : pool.invokeAll(attacks)) {
                long[] statusAndMillis = answer.get();
                assertThat(statusAndMillis[0]).isIn(400L, 413L);
                assertThat(statusAndMillis[1]).as("milliseconds").isLessThan(1000L);
            }
        } finally {
            pool.shutdownNow();
        }
        Answer named = api.post("/api/v1/auth/signup", underTheLimit, "Content-Type", JSON, "X-School", school.slug());
        assertThat(named.errorFields()).containsExactly("email");
    }

    @Test
    void aFamilyWithoutACardHoldsAtMostThreeSlotsEvenWhenItBooksSixAtOnce() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("America/Vancouver"));
        owner.jdbc().sql("insert into semesters (school_id, name, start_date, end_date) values (:s, 'Term', :a, :b)")
                .param("s", school.id()).param("a", today.minusDays(10)).param("b", today.plusDays(90)).update();
        UUID piano = school.instrument("piano");
        UUID teacher = school.teacher("Ada Keys", true, piano);
        Session parent = api.as(school.signUp(api, "hoarder@families.test"));
        List<Callable<Answer>> bookings = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            UUID slot = school.slot(teacher, 3, "1%d:00".formatted(i));
            String child = parent.post("/api/v1/parent/students", """
                    {"name": "Kid %d", "birth_date": "%s", "instrument_id": "%s", "consent_policy_accepted": true}"""
                    .formatted(i, today.minusYears(9), piano)).text("id");
            bookings.add(() -> parent.post("/api/v1/parent/bookings", """
                    {"student_id": "%s", "timeslot_id": "%s", "billing_plan": "monthly"}""".formatted(child, slot)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Answer> answers = new ArrayList<>();
        try {
            for (Future<Answer> answer : pool.invokeAll(bookings)) {
                answers.add(answer.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(answers.stream().filter(answer -> answer.status() == 202)).hasSize(3);
        List<Answer> refused = answers.stream().filter(answer -> answer.status() != 202).toList();
        assertThat(refused).hasSize(3).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(409);
            assertThat(answer.text("type")).endsWith("/too-many-holds");
            assertThat(answer.text("detail")).contains("Add a card");
        });
    }

    @Test
    void aFamilyHasAtMostTenChildren() {
        UUID piano = school.instrument("piano");
        Session parent = api.as(school.signUp(api, "big@families.test"));
        for (int i = 1; i <= 10; i++) {
            assertThat(addChild(parent, "Child " + i, piano).status()).isEqualTo(201);
        }
        Answer eleventh = addChild(parent, "Child 11", piano);
        assertThat(eleventh.status()).isEqualTo(409);
        assertThat(eleventh.text("type")).endsWith("/too-many-children");
    }

    private Answer addChild(Session parent, String name, UUID instrument) {
        return parent.post("/api/v1/parent/students", """
                {"name": "%s", "birth_date": "%s", "instrument_id": "%s", "consent_policy_accepted": true}"""
                .formatted(name, LocalDate.now().minusYears(8), instrument));
    }
}
