package academy.cedarheights.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every {@code next} an attacker would try sends nobody off the site. */
class ReturnTargetsTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/", "//evil.example", "/\\evil.example", "\\\\evil.example",
            "/\t/evil.example", "/\n/evil.example", "/\r/evil.example", " /parent", "/par ent", "javascript:alert(1)",
            "", "evil.example", "/\u0000/x", "/\u2028/evil.example"})
    void refusesEveryWayOff(String next) {
        assertThat(ReturnTargets.safe(next)).isNull();
        assertThat(ReturnTargets.safeOr(next, "/parent")).isEqualTo("/parent");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/parent", "/book/8c0c6b1e-5a4e-4f4b-9d57-1b2f2a9d0e11", "/parent/profile?next=%2Fbook%2Fx"})
    void keepsAPathOfThisSite(String next) {
        assertThat(ReturnTargets.safe(next)).isEqualTo(next);
    }
}
