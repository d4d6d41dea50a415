package academy.cedarheights.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.util.UUID;

import academy.cedarheights.support.Api;
import academy.cedarheights.support.Api.Answer;
import academy.cedarheights.support.Api.Session;
import academy.cedarheights.support.DatabaseOwner;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.Mailbox;
import academy.cedarheights.support.TestSchool;
import academy.cedarheights.support.TestSchools;
import academy.cedarheights.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who may sign in as whom, written as the attacks: a stranger who signs up with the owner's, a teacher's or a family's
 * address gets a parent's account with nothing in it until the address's owner opens the emailed link.
 */
@IntegrationTest
class TrustTest {

    static final String JSON = "application/json";

    @Autowired Api api;
    @Autowired TestSchools schools;
    @Autowired DatabaseOwner owner;

    TestSchool school;

    @BeforeEach
    void aSchool() {
        school = schools.create();
    }

    @Test
    void signingUpWithTheAllowlistedOwnersAddressGivesAParentAccountUntilTheLinkIsOpened() {
        school.allowAdmin("owner@acme.test");

        Answer signedUp = signUp("owner@acme.test");
        assertThat(signedUp.status()).isEqualTo(201);
        assertThat(signedUp.text("role")).isEqualTo("parent");
        assertThat(signedUp.json().path("email_verified").asBoolean()).isFalse();
        Session stranger = api.as(signedUp.text("backend_jwt"));
        assertThat(stranger.get("/api/v1/admin/settings").status()).as("the stranger tries the console").isEqualTo(403);
        assertThat(login("owner@acme.test").text("role")).as("signing in again changes nothing").isEqualTo("parent");

        Mailbox.Mail email = Mailbox.latest("owner@acme.test", school.slug(), "/verify-email");
        assertThat(email.subject()).isEqualTo("Confirm your email address for School " + school.slug());
        assertThat(email.text()).contains("works once, for 24 hours");
        String token = email.link("/verify-email?token=").replaceFirst(".*token=", "");
        Answer verified = api.post("/api/v1/auth/verify-email", "{\"token\": \"%s\"}".formatted(token),
                "Content-Type", JSON, "X-School", school.slug());
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        assertThat(verified.text("role")).isEqualTo("admin");
        assertThat(verified.json().path("email_verified").asBoolean()).isTrue();
        assertThat(api.as(verified.text("backend_jwt")).get("/api/v1/admin/settings").status()).isEqualTo(200);

        Answer again = api.post("/api/v1/auth/verify-email", "{\"token\": \"%s\"}".formatted(token),
                "Content-Type", JSON, "X-School", school.slug());
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.errorFields()).containsExactly("token");
        assertThat(api.post("/api/v1/auth/verify-email", "{\"token\": \"%s\"}".formatted(token),
                "Content-Type", JSON, "X-School", schools.create().slug()).status())
                .as("a link of one school proves nothing in another").isEqualTo(400);
    }

    @Test
    void aTeachersAddressIsAParentsUntilProven() {
        school.teacher("Ada Keys", true);
        Answer signedUp = signUp("ada.keys@" + school.slug() + ".test");
        assertThat(signedUp.text("role")).isEqualTo("parent");
        assertThat(api.as(signedUp.text("backend_jwt")).get("/api/v1/teacher/lessons?date=" + LocalDate.now()).status())
                .isEqualTo(403);

        Answer verified = verifyFromMailbox("ada.keys@" + school.slug() + ".test");
        assertThat(verified.text("role")).isEqualTo("teacher");
    }

    @Test
    void aStrangerCannotTakeOverAFamilyRecordTheSchoolMade() {
        UUID payee = school.payee("Jo Family");
        UUID child = school.student(payee, "Mia Family", school.instrument("piano"));
        String address = "jo.family@families.test";

        Session stranger = api.as(signUp(address).text("backend_jwt"));
        assertThat(stranger.get("/api/v1/parent/payees/self").status()).isEqualTo(404);
        assertThat(stranger.get("/api/v1/parent/students").body()).doesNotContain("Mia");
        assertThat(stranger.get("/api/v1/parent/students/" + child).status()).isEqualTo(404);
        assertThat(stranger.get("/api/v1/parent/export").body()).doesNotContain("Mia").doesNotContain(child.toString());
        Answer adopt = stranger.post("/api/v1/parent/payees/self", "{\"name\": \"Not Jo\"}");
        assertThat(adopt.status()).as("claiming the record by saving a profile").isEqualTo(403);
        assertThat(adopt.text("type")).endsWith("/email-not-verified");
        assertThat(owner.jdbc().sql("select identity_subject is null and name = 'Jo Family' from payees where id = :id")
                .param("id", payee).query(Boolean.class).single()).as("the record is untouched").isTrue();

        Session jo = api.as(verifyFromMailbox(address).text("backend_jwt"));
        assertThat(jo.get("/api/v1/parent/payees/self").text("id")).isEqualTo(payee.toString());
        assertThat(jo.get("/api/v1/parent/students").body()).contains("Mia Family");
    }

    @Test
    void holdingASlotNeedsAProvenAddress() {
        UUID piano = school.instrument("piano");
        UUID slot = school.slot(school.teacher("Ada Keys", true, piano), 2, "16:00");
        Session parent = api.as(signUp("new@families.test").text("backend_jwt"));
        String child = parent.post("/api/v1/parent/students", """
                {"name": "Kid", "birth_date": "%s", "instrument_id": "%s", "consent_policy_accepted": true}"""
                .formatted(LocalDate.now().minusYears(9), piano)).text("id");
        assertThat(child).as("an unproven parent may still add a child").isNotBlank();

        Answer booked = parent.post("/api/v1/parent/bookings", """
                {"student_id": "%s", "timeslot_id": "%s", "billing_plan": "monthly"}""".formatted(child, slot));
        assertThat(booked.status()).isEqualTo(403);
        assertThat(booked.header("Content-Type")).startsWith("application/problem+json");
        assertThat(booked.text("type")).isEqualTo("https://cedarheights.academy/problems/email-not-verified");
        Answer makeUp = parent.post("/api/v1/parent/makeups/book", """
                {"makeup_id": "%s", "timeslot_id": "%s", "date": "%s"}""".formatted(UUID.randomUUID(), slot, LocalDate.now()));
        assertThat(makeUp.status()).isEqualTo(403);
        assertThat(makeUp.text("type")).endsWith("/email-not-verified");
        assertThat(owner.jdbc().sql("select count(*) from enrollments where school_id = :s").param("s", school.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void theVerificationLinkIsSentAgainOnlyAFewTimes() {
        Session parent = api.as(signUp("again@families.test").text("backend_jwt"));
        for (int resend = 1; resend <= EmailVerifications.RESENDS_PER_WINDOW; resend++) {
            assertThat(parent.post("/api/v1/auth/verification-email", "").status()).isEqualTo(202);
        }
        Answer limited = parent.post("/api/v1/auth/verification-email", "");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isNotBlank();
        assertThat(Mailbox.awaitCount(1 + EmailVerifications.RESENDS_PER_WINDOW, "again@families.test", school.slug(),
                "/verify-email")).as("sign-up's and three more").hasSize(1 + EmailVerifications.RESENDS_PER_WINDOW);
    }

    @Test
    void signingOutEverywhereEndsEveryTokenOfTheAccount() {
        String email = "pat@families.test";
        String laptop = school.signUp(api, email);
        String phone = school.login(api, email);
        assertThat(api.get("/api/v1/auth/me", Tokens.bearer(phone)).status()).isEqualTo(200);

        assertThat(api.as(laptop).post("/api/v1/auth/sign-out-everywhere", "").status()).isEqualTo(204);

        assertThat(api.post("/api/v1/auth/refresh", "", Tokens.bearer(phone)).status()).as("refresh, at once").isEqualTo(401);
        assertThat(api.get("/api/v1/auth/me", Tokens.bearer(phone)).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/parent/payees/self", Tokens.bearer(laptop)).status()).isEqualTo(401);
        String fresh = school.login(api, email);
        assertThat(api.get("/api/v1/auth/me", Tokens.bearer(fresh)).status()).as("a new sign-in works").isEqualTo(200);
        assertThat(api.post("/api/v1/auth/refresh", "", Tokens.bearer(fresh)).status()).isEqualTo(200);
    }

    @Test
    void aSessionEndedByAnotherInstanceIsRefusedHereWithinSeconds() {
        String email = "shared@families.test";
        String everywhere = school.signUp(api, email);
        String single = school.login(api, email);
        String other = school.signUp(api, "other@families.test");
        assertThat(api.get("/api/v1/auth/me", Tokens.bearer(everywhere)).status()).isEqualTo(200);

        // what another instance writes when its user signs out everywhere, or signs out of one session
        owner.jdbc().sql("""
                        insert into session_generations (school_slug, subject, generation, tokens_valid_after)
                        values (:school, :subject, 2, now())""")
                .param("school", school.slug()).param("subject", Tokens.claims(everywhere).path("sub").asString()).update();
        owner.jdbc().sql("insert into revoked_sessions (session_id, expires_at) values (:sid, now() + interval '1 day')")
                .param("sid", UUID.fromString(Tokens.claims(other).path("sid").asString())).update();

        await().atMost(Sessions.READ_EVERY.plusSeconds(5)).untilAsserted(() -> {
            assertThat(api.get("/api/v1/auth/me", Tokens.bearer(everywhere)).status()).isEqualTo(401);
            assertThat(api.get("/api/v1/auth/me", Tokens.bearer(single)).status()).isEqualTo(401);
            assertThat(api.get("/api/v1/auth/me", Tokens.bearer(other)).status()).isEqualTo(401);
        });
        assertThat(api.get("/api/v1/auth/me", Tokens.bearer(school.login(api, email))).status())
                .as("a sign-in after it is of the new generation").isEqualTo(200);
    }

    @Test
    void aRefreshedTokenStaysInItsSession() {
        String token = school.signUp(api, "long@families.test");
        String refreshed = api.post("/api/v1/auth/refresh", "", Tokens.bearer(token)).text("backend_jwt");
        assertThat(Tokens.claims(refreshed).path("auth_time").asLong()).isEqualTo(Tokens.claims(token).path("auth_time").asLong());
        assertThat(Tokens.claims(refreshed).path("sid").asString()).isEqualTo(Tokens.claims(token).path("sid").asString());
    }

    @Test
    void aRemovedAccountCannotRefresh() {
        String token = school.signUp(api, "gone@families.test");
        owner.jdbc().sql("delete from account_links where school_id = :s").param("s", school.id()).update();
        owner.jdbc().sql("delete from accounts where school_id = :s and email = 'gone@families.test'")
                .param("s", school.id()).update();

        Answer refused = api.post("/api/v1/auth/refresh", "", Tokens.bearer(token));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.text("detail")).contains("no longer exists");
    }

    @Test
    void anAddressIsOneAccountHoweverItIsSpelled() {
        school.signUp(api, "case@families.test");
        assertThat(api.post("/api/v1/auth/signup", """
                {"email": "  CASE@Families.Test ", "password": "another long password", "name": "Copy"}""",
                "Content-Type", JSON, "X-School", school.slug()).status()).isEqualTo(409);
        Answer lookalike = api.post("/api/v1/auth/signup", """
                {"email": "case@famİlies.test", "password": "another long password", "name": "Copy"}""",
                "Content-Type", JSON, "X-School", school.slug());
        assertThat(lookalike.status()).isEqualTo(400);
        assertThat(lookalike.errorFields()).containsExactly("email");
        for (int attempt = 1; attempt <= 10; attempt++) {
            String spelling = attempt % 2 == 0 ? "CASE@families.test" : " case@FAMILIES.test";
            api.post("/api/v1/auth/login", "{\"email\": \"%s\", \"password\": \"wrong %d\"}".formatted(spelling, attempt),
                    "Content-Type", JSON, "X-School", school.slug());
        }
        assertThat(login("case@families.test").status()).as("every spelling counted against the one account")
                .isEqualTo(429);
    }

    private Answer signUp(String email) {
        return api.post("/api/v1/auth/signup", """
                {"email": "%s", "password": "%s", "name": "Someone"}""".formatted(email, TestSchool.PASSWORD),
                "Content-Type", JSON, "X-School", school.slug());
    }

    private Answer login(String email) {
        return api.post("/api/v1/auth/login", """
                {"email": "%s", "password": "%s"}""".formatted(email, TestSchool.PASSWORD),
                "Content-Type", JSON, "X-School", school.slug());
    }

    private Answer verifyFromMailbox(String email) {
        String token = Mailbox.latest(email, school.slug(), "/verify-email").link("/verify-email?token=").replaceFirst(".*token=", "");
        Answer verified = api.post("/api/v1/auth/verify-email", "{\"token\": \"%s\"}".formatted(token),
                "Content-Type", JSON, "X-School", school.slug());
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        return verified;
    }
}
