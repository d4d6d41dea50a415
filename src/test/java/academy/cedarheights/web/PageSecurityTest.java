package academy.cedarheights.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import academy.cedarheights.support.Api;
import academy.cedarheights.support.Api.Answer;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.TestSchool;
import academy.cedarheights.support.TestSchools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The pages' cookie and CSRF protection over plain HTTP, where a browser would not show what goes wrong. */
@IntegrationTest
class PageSecurityTest {

    static final String HTML = "text/html,application/xhtml+xml";

    @Autowired Api api;
    @Autowired TestSchools schools;

    TestSchool school;
    String parentToken;

    @BeforeEach
    void aParent() {
        school = schools.create();
        parentToken = school.signUp(api, "pat@families.test");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() {
        Answer form = page("/sign-in", null);
        String csrfCookie = cookie(form, "XSRF-TOKEN");
        String csrf = form.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");

        Answer signedIn = api.send(HttpRequest.newBuilder(api.uri("/sign-in"))
                        .POST(HttpRequest.BodyPublishers.ofString("email=pat%40families.test&password=correct+horse+battery&_csrf="
                                + URLEncoder.encode(csrf, StandardCharsets.UTF_8))),
                "Content-Type", "application/x-www-form-urlencoded", "Cookie", "XSRF-TOKEN=" + csrfCookie,
                "X-School", school.slug(), "Accept", HTML);
        assertThat(signedIn.status()).isEqualTo(302);
        String session = signedIn.response().headers().allValues("Set-Cookie").stream()
                .filter(header -> header.startsWith("cedar_session=")).findFirst().orElseThrow();
        assertThat(session).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/").doesNotContain("Secure");
    }

    @Test
    void guessingAPasswordOnThePageIsStoppedLikeOnTheApi() {
        Answer form = page("/sign-in", null);
        String csrfCookie = cookie(form, "XSRF-TOKEN");
        String csrf = form.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        Answer last = null;
        for (int attempt = 0; attempt < 12; attempt++) {
            last = api.send(HttpRequest.newBuilder(api.uri("/sign-in"))
                            .POST(HttpRequest.BodyPublishers.ofString("email=pat%40families.test&password=guess" + attempt
                                    + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8))),
                    "Content-Type", "application/x-www-form-urlencoded", "Cookie", "XSRF-TOKEN=" + csrfCookie,
                    "X-School", school.slug(), "Accept", HTML);
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.body()).contains("Too many").doesNotContain("Exception");
    }

    @Test
    void aSignedInPageKeepsItsCsrfTokenAndOpensNoSession() {
        Answer portal = api.get("/parent", "X-School", school.slug(), "Accept", HTML,
                "Cookie", "cedar_session=" + parentToken + "; XSRF-TOKEN=0f6a6d52-3c1e-4e0b-9b43-6a1d3c0ad1f1");
        assertThat(portal.status()).isEqualTo(200);
        assertThat(portal.response().headers().allValues("Set-Cookie"))
                .as("a rotated token would break the forms on the page").noneMatch(header -> header.startsWith("XSRF-TOKEN="))
                .noneMatch(header -> header.startsWith("JSESSIONID"));
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefused() {
        Answer forged = api.send(HttpRequest.newBuilder(api.uri("/parent/bookings/" + UUID.randomUUID() + "/cancel"))
                        .POST(HttpRequest.BodyPublishers.noBody()),
                "Cookie", "cedar_session=" + parentToken, "Accept", HTML);
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.body()).doesNotContain("Exception").contains("This form has expired");
    }

    @Test
    void theApiNeverTakesTheCookieForAToken() {
        Answer api1 = api.send(HttpRequest.newBuilder(api.uri("/api/v1/parent/bookings")).GET(),
                "Cookie", "cedar_session=" + parentToken);
        assertThat(api1.status()).isEqualTo(401);
    }

    @Test
    void aWrongRoleGetsTheFriendly403PageAndAStrangerTheSignInPage() {
        Answer asParent = page("/admin", parentToken);
        assertThat(asParent.status()).isEqualTo(403);
        assertThat(asParent.header("Content-Type")).startsWith("text/html");
        assertThat(asParent.body()).contains("not for your account");

        Answer stranger = page("/teacher", null);
        assertThat(stranger.status()).isEqualTo(302);
        assertThat(stranger.header("Location")).endsWith("/sign-in?next=%2Fteacher");

        Answer stale = page("/parent", "not-a-token");
        assertThat(stale.status()).isEqualTo(302);
        assertThat(stale.response().headers().allValues("Set-Cookie")).anyMatch(header -> header.startsWith("cedar_session=;"));
    }

    private Answer page(String path, String token) {
        return token == null
                ? api.get(path, "X-School", school.slug(), "Accept", HTML)
                : api.get(path, "X-School", school.slug(), "Accept", HTML, "Cookie", "cedar_session=" + token);
    }

    private static String cookie(Answer answer, String name) {
        return answer.response().headers().allValues("Set-Cookie").stream().filter(header -> header.startsWith(name + "="))
                .map(header -> header.substring(name.length() + 1, header.indexOf(';'))).findFirst().orElseThrow();
    }
}
