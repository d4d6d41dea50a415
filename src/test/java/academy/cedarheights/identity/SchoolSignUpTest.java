package academy.cedarheights.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import academy.cedarheights.support.Api.Answer;
import academy.cedarheights.support.Api;
import academy.cedarheights.support.Browser;
import academy.cedarheights.support.DatabaseOwner;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class SchoolSignUpTest {

    @Autowired Api api;
    @Autowired DatabaseOwner owner;
    @LocalServerPort int port;

    @Test
    void theStartASchoolPageCreatesOneAndSendsItsAdminToItsOwnAddress() {
        String slug = slug();
        Browser browser = Browser.at("http://localhost:" + port).signOut().open("/start-a-school").accessible();
        browser.type("#school_name", "Maple Strings").type("#slug", "Bad Slug").type("#admin_email", "f@" + slug + ".test")
                .type("#admin_password", "a long admin password").submit("main form button");
        assertThat(browser.text("#slug-error")).contains("lowercase letters");

        browser.type("#slug", slug).type("#admin_password", "a long admin password").submit("main form button");
        String address = "http://" + slug + ".cedar.test:" + port;
        assertThat(browser.text("#school-address")).isEqualTo(address);
        browser.clickText("Sign in there as its admin").waitForAddress(address + "/sign-in");
        Browser there = Browser.at(address);
        there.type("#email", "f@" + slug + ".test").type("#password", "a long admin password")
                .click("main button[type=submit]").waitForPath("/admin");
        assertThat(there.pageText()).contains("Maple Strings");
    }

    @Test
    void aNewSchoolGetsItsFirstAdmin() {
        String slug = slug();
        Answer answer = signUp(slug, "America/Toronto", "cad", "founder@" + slug + ".test", "a long admin password");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        assertThat(answer.json().path("slug").asString()).isEqualTo(slug);
        assertThat(answer.json().path("role").asString()).isEqualTo("admin");
        assertThat(answer.json().path("base_url").asString()).as("its own address")
                .isEqualTo("http://" + slug + ".cedar.test:" + port);
        assertThat(Tokens.claims(answer.json().path("backend_jwt").asString()).path("school").asString()).isEqualTo(slug);

        Answer school = api.get("/api/v1/public/school", "X-School", slug);
        assertThat(school.json().path("time_zone").asString()).isEqualTo("America/Toronto");
        assertThat(school.json().path("currency").asString()).isEqualTo("CAD");
        Answer login = api.post("/api/v1/auth/login", """
                {"email": "founder@%s.test", "password": "a long admin password"}""".formatted(slug),
                "Content-Type", "application/json", "X-School", slug);
        assertThat(login.json().path("role").asString()).isEqualTo("admin");
    }

    @Test
    void aTakenSlugIs409() {
        Answer answer = signUp("cedar-heights", "America/Vancouver", "CAD", "someone@x.test", "a long admin password");

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.json().path("detail").asString()).contains("cedar-heights");
    }

    @Test
    void badInputNamesTheFieldAndCreatesNothing() {
        String slug = slug();
        assertField(signUp("No Spaces Allowed", "America/Vancouver", "CAD", "a@x.test", "a long admin password"), "slug");
        assertField(signUp("ab", "America/Vancouver", "CAD", "a@x.test", "a long admin password"), "slug");
        assertField(signUp(slug, "Mars/Olympus_Mons", "CAD", "a@x.test", "a long admin password"), "time_zone");
        assertField(signUp(slug, "America/Vancouver", "XYZ", "a@x.test", "a long admin password"), "currency");
        assertField(signUp(slug, "America/Vancouver", "CAD", "a@x.test", "short"), "admin_password");

        Long schools = owner.jdbc().sql("select count(*) from schools where slug = :slug").param("slug", slug)
                .query(Long.class).single();
        assertThat(schools).isZero();
    }

    private Answer signUp(String slug, String zone, String currency, String email, String password) {
        return api.post("/api/v1/auth/signup-school", """
                {"school_name": "Maple Strings", "slug": "%s", "time_zone": "%s", "currency": "%s",
                 "admin_email": "%s", "admin_password": "%s"}""".formatted(slug, zone, currency, email, password),
                "Content-Type", "application/json");
    }

    private static String slug() {
        return "maple-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void assertField(Answer answer, String field) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.json().path("errors").findValuesAsString("field")).containsExactly(field);
    }
}
