package academy.cedarheights.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import academy.cedarheights.support.Api.Answer;
import academy.cedarheights.support.Api;
import academy.cedarheights.support.DatabaseOwner;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.TestSchool;
import academy.cedarheights.support.TestSchools;
import academy.cedarheights.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Built-in accounts through HTTP: sign-up, sign-in, the token they give, and who they say you are. */
@IntegrationTest
class PasswordSignInTest {

    static final String JSON = "application/json";
    static final String PASSWORD = "correct horse battery";

    @Autowired Api api;
    @Autowired TestSchools schools;
    @Autowired DatabaseOwner owner;

    TestSchool school;

    @BeforeEach
    void aSchool() {
        school = schools.create();
    }

    @Test
    void theDemoAccountsSignInWithTheirRoles() {
        assertThat(login("cedar-heights", "admin@cedar-heights.test", "cedar-admin-demo").json().path("role").asString())
                .isEqualTo("admin");
        assertThat(login("cedar-heights", "teacher@cedar-heights.test", "cedar-teacher-demo").json().path("role").asString())
                .isEqualTo("teacher");
        assertThat(login("cedar-heights", "parent@cedar-heights.test", "cedar-parent-demo").json().path("role").asString())
                .isEqualTo("parent");
    }

    @Test
    void theBackendTokenCarriesTheAgreedClaimsForTwoHours() {
        school.signUp(api, "pat@families.test");
        Answer answer = login(school.slug(), "pat@families.test", PASSWORD);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("token_type").asString()).isEqualTo("Bearer");
        assertThat(answer.json().path("expires_in").asLong()).isEqualTo(7200);
        JsonNode claims = Tokens.claims(answer.json().path("backend_jwt").asString());
        assertThat(claims.path("email").asString()).isEqualTo("pat@families.test");
        assertThat(claims.path("role").asString()).isEqualTo("parent");
        assertThat(claims.path("school").asString()).isEqualTo(school.slug());
        assertThat(claims.path("iss").asString()).isEqualTo("cedar-heights");
        assertThat(claims.path("sub").asString()).isNotBlank();
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(7200);
    }

    @Test
    void anUnknownEmailAndAWrongPasswordGetTheSameAnswer() {
        school.signUp(api, "pat@families.test");
        Answer wrongPassword = login(school.slug(), "pat@families.test", "not the password at all");
        Answer unknownEmail = login(school.slug(), "nobody@families.test", PASSWORD);

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownEmail.status()).isEqualTo(401);
        assertThat(wrongPassword.json().path("detail")).isEqualTo(unknownEmail.json().path("detail"));
        assertThat(wrongPassword.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void signInsAndRefusedSignInsAreAuditedWithoutSecrets() {
        school.signUpUnverified(api, "pat@families.test");
        login(school.slug(), "pat@families.test", PASSWORD);
        login(school.slug(), "pat@families.test", "not the password at all");

        List<String> actions = owner.jdbc().sql("select action from audit_log where school_id = :s order by occurred_at")
                .param("s", school.id()).query(String.class).list();
        String everything = owner.jdbc().sql("select string_agg(summary::text || actor, ' ') from audit_log where school_id = :s")
                .param("s", school.id()).query(String.class).single();
        assertThat(actions).containsExactly("sign_up", "sign_in", "sign_in_failed");
        assertThat(everything).doesNotContain(PASSWORD).doesNotContain("not the password");
    }

    @Test
    void aParentSignsUpOnceAndGetsAFamilyRecord() {
        String token = school.signUp(api, "pat@families.test");

        Answer again = api.post("/api/v1/auth/signup", """
                {"email": "PAT@families.test", "password": "another long password", "name": "Pat"}""",
                "Content-Type", JSON, "X-School", school.slug());
        assertThat(again.status()).isEqualTo(409);

        JsonNode me = api.get("/api/v1/auth/me", Tokens.bearer(token)).json();
        assertThat(me.path("email").asString()).isEqualTo("pat@families.test");
        assertThat(me.path("role").asString()).isEqualTo("parent");
        assertThat(me.path("school").asString()).isEqualTo(school.slug());
        assertThat(me.path("payee_id").asString()).isNotBlank();
    }

    @Test
    void weakPasswordsAreRefusedNamingTheField() {
        assertField(signUp("pat@families.test", "short"), "password");
        assertField(signUp("longenough@x.test", "longenough@x.test"), "password");
        assertField(signUp("not-an-email", PASSWORD), "email");
    }

    @Test
    void anEmailOnTheAllowlistSignsInAsAdminAndATeachersEmailAsTeacher() {
        school.allowAdmin("owner@school.test");
        school.teacher("Ada Keys", true);

        school.signUp(api, "owner@school.test");
        school.signUp(api, "ada.keys@" + school.slug() + ".test");
        assertThat(login(school.slug(), "owner@school.test", PASSWORD).json().path("role").asString()).isEqualTo("admin");
        assertThat(login(school.slug(), "ada.keys@" + school.slug() + ".test", PASSWORD).json().path("role").asString())
                .isEqualTo("teacher");
    }

    @Test
    void anAccountIsPerSchool() {
        school.signUp(api, "pat@families.test");

        assertThat(login(schools.create().slug(), "pat@families.test", PASSWORD).status()).isEqualTo(401);
    }

    @Test
    void tooManyAttemptsOnOneAccountAre429WithRetryAfter() {
        school.signUpUnverified(api, "target@families.test");
        for (int attempt = 1; attempt <= 10; attempt++) {
            assertThat(login(school.slug(), "target@families.test", "wrong password " + attempt).status()).isEqualTo(401);
        }
        Answer limited = login(school.slug(), "target@families.test", PASSWORD);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 900L);
        assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
        assertThat(login(school.slug(), "someone.else@families.test", PASSWORD).status()).as("other accounts").isEqualTo(401);
    }

    @Test
    void aBackendTokenRefreshesIntoANewOne() {
        String token = school.signUp(api, "pat@families.test");
        Answer refreshed = api.post("/api/v1/auth/refresh", "", Tokens.bearer(token));

        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
        JsonNode claims = Tokens.claims(refreshed.json().path("backend_jwt").asString());
        assertThat(claims.path("school").asString()).isEqualTo(school.slug());
        assertThat(claims.path("email").asString()).isEqualTo("pat@families.test");
        assertThat(api.post("/api/v1/auth/refresh", "", Tokens.bearer(token + "x")).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/refresh", "").status()).isEqualTo(401);
    }

    private Answer login(String slug, String email, String password) {
        return api.post("/api/v1/auth/login", """
                {"email": "%s", "password": "%s"}""".formatted(email, password), "Content-Type", JSON, "X-School", slug);
    }

    private Answer signUp(String email, String password) {
        return api.post("/api/v1/auth/signup", """
                {"email": "%s", "password": "%s", "name": "Pat"}""".formatted(email, password),
                "Content-Type", JSON, "X-School", school.slug());
    }

    private static void assertField(Answer answer, String field) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.json().path("errors").findValuesAsString("field")).contains(field);
    }
}
