package academy.cedarheights.identity;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class SchoolSignUpClosedTest {

    @Test
    void whenSwitchedOffNoSchoolCanSignUp() {
        IdentityProperties closed = new IdentityProperties(false, 60, Duration.ofMinutes(1), 10,
                Duration.ofMinutes(15), Duration.ofSeconds(30));
        SchoolSignUp signUp = new SchoolSignUp(closed, null, null, null, null, null);

        assertThatThrownBy(() -> signUp.signUp(new SchoolSignUp.Request("Maple", "maple", "America/Vancouver", "CAD",
                "a@maple.test", "a long admin password")))
                .isInstanceOf(SchoolSignUpClosed.class)
                .hasMessageContaining("cannot sign up");
    }
}
