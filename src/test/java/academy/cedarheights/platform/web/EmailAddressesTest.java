package academy.cedarheights.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressesTest {

    @Test
    void oneSpellingForEveryWayOfTypingAnAddress() {
        assertThat(EmailAddresses.normalise("email", "  Jo.Parent+piano@Families.TEST ")).isEqualTo("jo.parent+piano@families.test");
    }

    @ParameterizedTest
    @ValueSource(strings = {"victim@gmaİl.com", "vİctim@gmail.com", "jö@families.test", "victim@gmaıl.com"})
    void nonAsciiIsRefusedRatherThanFoldedIntoSomeoneElsesAddress(String typed) {
        assertThatThrownBy(() -> EmailAddresses.normalise("email", typed))
                .isInstanceOfSatisfying(InvalidField.class, refused -> {
                    assertThat(refused.field()).isEqualTo("email");
                    assertThat(refused.getMessage()).contains("plain ASCII");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "@families.test", "jo@", "jo@families", "jo@@families.test", "jo@families.",
            "jo families@x.test", "jo@x..", "<jo@x.test>", "jo@x.test\nbcc:x@y.z"})
    void notAddresses(String typed) {
        assertThat(EmailAddresses.normalised(typed)).isEmpty();
    }

    @Test
    void aLongAddressIsRefusedByLengthBeforeAnythingReadsIt() {
        String local = "a".repeat(65);
        assertThat(EmailAddresses.normalised(local + "@families.test")).as("local part over 64").isEmpty();
        String huge = "a@" + "a.".repeat(750_000) + "!";
        long started = System.nanoTime();
        assertThatThrownBy(() -> EmailAddresses.normalise("email", huge)).hasMessageContaining("at most 254");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(50));
    }
}
