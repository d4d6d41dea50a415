package academy.cedarheights.identity;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

import academy.cedarheights.support.Api.Answer;
import academy.cedarheights.support.Api;
import academy.cedarheights.support.FakeSupabase;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.TestSchool;
import academy.cedarheights.support.TestSchools;
import academy.cedarheights.support.Tokens;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The real verification path: tokens minted here exactly as Supabase shapes them, its JWKS served over
 * HTTP by a local server with keys generated here.
 */
@IntegrationTest
class SupabaseExchangeTest {

    @Autowired Api api;
    @Autowired TestSchools schools;
    @Autowired SupabaseExchange exchange;

    TestSchool school;

    @BeforeEach
    void aSchoolAndFreshKeys() {
        school = schools.create();
        FakeSupabase.publish(FakeSupabase.EC_KEY, FakeSupabase.RSA_KEY);
        exchange.forgetSigningKeys();
        FakeSupabase.server().resetRequests();
    }

    @Test
    void anEs256TokenIsExchangedForOurToken() {
        String email = FakeSupabase.email();
        JWTClaimsSet claims = FakeSupabase.claims(email).build();
        Answer answer = exchange(FakeSupabase.es256(claims));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().path("role").asString()).isEqualTo("parent");
        var ours = Tokens.claims(answer.json().path("backend_jwt").asString());
        assertThat(ours.path("sub").asString()).isEqualTo(claims.getSubject());
        assertThat(ours.path("email").asString()).isEqualTo(email);
        assertThat(ours.path("school").asString()).isEqualTo(school.slug());
        assertThat(ours.path("iss").asString()).isEqualTo("cedar-heights");
    }

    @Test
    void rs256AndTheLegacySharedSecretAreAcceptedToo() {
        assertThat(exchange(FakeSupabase.rs256(FakeSupabase.claims(FakeSupabase.email()).build())).status()).isEqualTo(200);
        assertThat(exchange(FakeSupabase.hs256(FakeSupabase.claims(FakeSupabase.email()).build(),
                FakeSupabase.legacySecret())).status()).isEqualTo(200);
    }

    @Test
    void theRoleComesFromTheSchoolsAllowlist() {
        school.allowAdmin("boss@school.test");

        assertThat(exchange(FakeSupabase.es256(FakeSupabase.claims("boss@school.test").build())).json().path("role")
                .asString()).isEqualTo("admin");
    }

    @Test
    void eachRefusalSaysWhy() {
        assertRefused(FakeSupabase.unsigned(FakeSupabase.claims(FakeSupabase.email()).build()), "alg: none");
        byte[] publicKeyAsSecret = FakeSupabase.RSA_KEY.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
        assertRefused(FakeSupabase.hs256(FakeSupabase.claims(FakeSupabase.email()).build(), publicKeyAsSecret),
                "signature is not valid");
        assertRefused(FakeSupabase.es256(FakeSupabase.claims(FakeSupabase.email()).audience("anon").build()), "audience");
        assertRefused(FakeSupabase.es256(FakeSupabase.claims(FakeSupabase.email())
                .issuer("https://other-project.supabase.co/auth/v1").build()), "not issued by");
        assertRefused(FakeSupabase.es256(FakeSupabase.claims(FakeSupabase.email())
                .expirationTime(Date.from(Instant.now().minusSeconds(120))).build()), "expired");
        assertRefused(FakeSupabase.es256(FakeSupabase.claims(FakeSupabase.email()).claim("is_anonymous", true).build()),
                "Anonymous");
        assertRefused(FakeSupabase.es256(FakeSupabase.claims(FakeSupabase.email()).build(), FakeSupabase.ROTATED_EC_KEY),
                "does not publish");
        assertRefused("not-a-jwt", "well-formed");
        assertThat(api.post("/api/v1/auth/exchange", "", "X-School", school.slug()).status()).isEqualTo(401);
    }

    @Test
    void aTokenExpiredWithinTheLeewayIsStillAccepted() {
        JWTClaimsSet claims = FakeSupabase.claims(FakeSupabase.email())
                .expirationTime(Date.from(Instant.now().minusSeconds(30))).build();

        assertThat(exchange(FakeSupabase.es256(claims)).status()).isEqualTo(200);
    }

    @Test
    void aRotatedKeyIsFetchedWhenATokenNamesIt() {
        assertThat(exchange(FakeSupabase.es256(FakeSupabase.claims(FakeSupabase.email()).build())).status()).isEqualTo(200);
        FakeSupabase.publish(FakeSupabase.EC_KEY, FakeSupabase.ROTATED_EC_KEY);

        Answer answer = exchange(FakeSupabase.es256(FakeSupabase.claims(FakeSupabase.email()).build(),
                FakeSupabase.ROTATED_EC_KEY));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        FakeSupabase.server().verify(2, getRequestedFor(urlEqualTo(FakeSupabase.JWKS_PATH)));
    }

    @Test
    void forgedKeyIdsCannotMakeUsHammerSupabase() {
        exchange(FakeSupabase.es256(FakeSupabase.claims(FakeSupabase.email()).build()));
        for (int i = 0; i < 5; i++) {
            assertThat(exchange(FakeSupabase.es256(FakeSupabase.claims(FakeSupabase.email()).build(),
                    FakeSupabase.ROTATED_EC_KEY)).status()).isEqualTo(401);
        }

        // one fetch to start, one refetch for the first unknown key id, none for the rest
        FakeSupabase.server().verify(2, getRequestedFor(urlEqualTo(FakeSupabase.JWKS_PATH)));
        assertThat(exchange(FakeSupabase.es256(FakeSupabase.claims(FakeSupabase.email()).build())).status()).isEqualTo(200);
    }

    @Test
    void anUnreachableKeySetIs503NotAServerError() {
        FakeSupabase.failKeySet(502);

        Answer answer = exchange(FakeSupabase.es256(FakeSupabase.claims(FakeSupabase.email()).build()));
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.header("Retry-After")).isNotBlank();
    }

    @Test
    void cachedKeysKeepServingThroughAnOutage() {
        assertThat(exchange(FakeSupabase.es256(FakeSupabase.claims(FakeSupabase.email()).build())).status()).isEqualTo(200);
        FakeSupabase.failKeySet(503);

        assertThat(exchange(FakeSupabase.es256(FakeSupabase.claims(FakeSupabase.email()).build())).status()).isEqualTo(200);
    }

    @Test
    void aSupabaseTokenCanBeRefreshedIntoOurs() {
        Answer answer = api.post("/api/v1/auth/refresh", "",
                Tokens.bearer(FakeSupabase.es256(FakeSupabase.claims(FakeSupabase.email()).build()), "X-School", school.slug()));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(Tokens.claims(answer.json().path("backend_jwt").asString()).path("school").asString())
                .isEqualTo(school.slug());
    }

    private Answer exchange(String token) {
        return api.post("/api/v1/auth/exchange", "", Tokens.bearer(token, "X-School", school.slug()));
    }

    private void assertRefused(String token, String reason) {
        Answer answer = exchange(token);
        assertThat(answer.status()).as(reason + ": " + answer).isEqualTo(401);
        assertThat(answer.json().path("detail").asString()).as(reason).contains(reason);
    }
}
