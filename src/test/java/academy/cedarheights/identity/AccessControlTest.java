package academy.cedarheights.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import academy.cedarheights.support.Api.Answer;
import academy.cedarheights.support.Api;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.TestSchool;
import academy.cedarheights.support.TestSchools;
import academy.cedarheights.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/** Routes by role, schools by token: 401 without a valid token, 403 with the wrong role or school. */
@IntegrationTest
class AccessControlTest {

    @Autowired Api api;
    @Autowired TestSchools schools;
    @Autowired JwtEncoder encoder;

    TestSchool school;
    String parent;
    String admin;

    @BeforeEach
    void aSchoolWithAParentAndAnAdmin() {
        school = schools.create();
        parent = school.signUp(api, "parent@families.test");
        school.allowAdmin("admin@school.test");
        admin = school.signUp(api, "admin@school.test");
    }

    @Test
    void eachAreaIsForItsRoleOnly() {
        assertThat(api.get("/api/v1/admin/anything", Tokens.bearer(parent)).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/teacher/anything", Tokens.bearer(admin)).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/parent/anything", Tokens.bearer(admin)).status()).isEqualTo(403);
        // the right role passes security and reaches routing: nothing lives there yet, so 404
        assertThat(api.get("/api/v1/admin/anything", Tokens.bearer(admin)).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/parent/anything", Tokens.bearer(parent)).status()).isEqualTo(404);
    }

    @Test
    void withoutAValidTokenProtectedRoutesAre401() {
        assertThat(api.get("/api/v1/parent/anything").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/auth/me", "Authorization", "Bearer not.a.token").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/auth/me", Tokens.bearer(forged(Instant.now().minusSeconds(3 * 3600)))).status())
                .as("expired").isEqualTo(401);
        assertThat(api.get("/api/v1/auth/me", Tokens.bearer(parent.substring(0, parent.length() - 3) + "abc")).status())
                .as("tampered signature").isEqualTo(401);
        Answer answer = api.get("/api/v1/auth/me");
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aTokenForOneSchoolIsRefusedAtAnother() {
        TestSchool other = schools.create();

        Answer answer = api.get("/api/v1/auth/me", Tokens.bearer(parent, "X-School", other.slug()));
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().path("detail").asString()).contains(school.slug()).contains(other.slug());
        assertThat(api.get("/api/v1/public/teachers", Tokens.bearer(parent, "X-School", other.slug())).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/auth/me", Tokens.bearer(parent, "X-School", school.slug())).status()).isEqualTo(200);
    }

    @Test
    void theTokensSchoolIsTheRequestsSchoolWithoutAHeader() {
        Answer school = api.get("/api/v1/public/school", Tokens.bearer(parent));

        assertThat(school.json().path("slug").asString()).isEqualTo(this.school.slug());
    }

    @Test
    void securityHeadersAreSet() {
        Answer answer = api.get("/api/v1/public/school");

        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(answer.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        assertThat(answer.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
    }

    @Test
    void localOriginsMayCallTheApiInDemoModeAndOthersMayNot() {
        Answer local = api.send(java.net.http.HttpRequest.newBuilder(api.uri("/api/v1/public/school"))
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()),
                "Origin", "http://localhost:5173", "Access-Control-Request-Method", "GET");
        Answer foreign = api.send(java.net.http.HttpRequest.newBuilder(api.uri("/api/v1/public/school"))
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()),
                "Origin", "https://evil.example", "Access-Control-Request-Method", "GET");

        assertThat(local.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:5173");
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.header("Access-Control-Allow-Origin")).isNull();
    }

    private String forged(Instant issuedAt) {
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer("cedar-heights").subject("someone").issuedAt(issuedAt)
                .expiresAt(issuedAt.plusSeconds(7200)).claims(c -> c.putAll(Map.of("email", "x@y.test", "role",
                        "parent", "school", school.slug()))).build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
    }
}
