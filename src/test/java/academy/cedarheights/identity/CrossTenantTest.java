package academy.cedarheights.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import academy.cedarheights.support.Api;
import academy.cedarheights.support.Api.Answer;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.TestSchool;
import academy.cedarheights.support.TestSchools;
import academy.cedarheights.support.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two schools with data; every signed-in endpoint that exists is tried with the other school's token.
 * Each module adds its endpoints to {@link #SIGNED_IN_ENDPOINTS} as it grows.
 */
@IntegrationTest
class CrossTenantTest {

    static final List<String> SIGNED_IN_ENDPOINTS = List.of(
            "/api/v1/auth/me",
            "/api/v1/public/school",
            "/api/v1/public/teachers",
            "/api/v1/public/timeslots");

    @Autowired Api api;
    @Autowired TestSchools schools;

    @Test
    void aTokenOfOneSchoolGetsNothingOfAnother() {
        TestSchool ours = schools.create();
        TestSchool theirs = schools.create();
        theirs.teacher("Their Teacher", true, theirs.instrument("cello"));
        ours.allowAdmin("admin@ours.test");
        List<String> tokens = List.of(ours.signUp(api, "admin@ours.test"), ours.signUp(api, "parent@ours.test"));

        for (String token : tokens) {
            for (String endpoint : SIGNED_IN_ENDPOINTS) {
                Answer atTheirs = api.get(endpoint, Tokens.bearer(token, "X-School", theirs.slug()));
                assertThat(atTheirs.status()).as(endpoint).isEqualTo(403);
                assertThat(atTheirs.body()).as(endpoint).doesNotContain("Their Teacher").doesNotContain("cello");

                Answer atOurs = api.get(endpoint, Tokens.bearer(token));
                assertThat(atOurs.status()).as(endpoint).isEqualTo(200);
                assertThat(atOurs.body()).as(endpoint).doesNotContain("Their Teacher").doesNotContain(theirs.slug());
            }
        }
    }
}
