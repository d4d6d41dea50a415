package academy.cedarheights.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import academy.cedarheights.platform.persistence.DatabaseProperties;
import org.junit.jupiter.api.Test;

class SchoolSignUpClosedTest {

    static final DatabaseProperties EMBEDDED = new DatabaseProperties(null, null, false);
    static final DatabaseProperties PRODUCTION = new DatabaseProperties("postgres://db/cedar", null, false);

    @Test
    void whenSwitchedOffNoSchoolCanSignUp() {
        SchoolSignUp signUp = new SchoolSignUp(properties(false), null, null, null, null, null, null, EMBEDDED, null);

        assertThatThrownBy(() -> signUp.signUp(new SchoolSignUp.Request("Maple", "maple", "America/Vancouver", "CAD",
                "a@maple.test", "a long admin password")))
                .isInstanceOf(SchoolSignUpClosed.class)
                .hasMessageContaining("cannot sign up");
    }

    @Test
    void withARealDatabaseStrangersCreateNoSchoolUnlessTheOperatorSaysSo() {
        assertThat(new SchoolSignUp(properties(null), null, null, null, null, null, null, PRODUCTION, null).open()).isFalse();
        assertThat(new SchoolSignUp(properties(true), null, null, null, null, null, null, PRODUCTION, null).open()).isTrue();
        assertThat(new SchoolSignUp(properties(null), null, null, null, null, null, null, EMBEDDED, null).open())
                .as("the demo invites people to try").isTrue();
    }

    private static IdentityProperties properties(Boolean schoolSignup) {
        return new IdentityProperties(schoolSignup, 60, Duration.ofMinutes(1), 10, Duration.ofMinutes(15),
                Duration.ofSeconds(30), Duration.ofDays(30));
    }
}
