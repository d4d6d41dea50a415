package academy.cedarheights.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The firewall's header rule without a regular expression decides every character as Spring Security's default does. */
class HeaderCharactersTest {

    // Spring Security's default rules for header names and values (StrictHttpFirewall)
    static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    static final Pattern VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void agreesWithTheDefaultOnEveryCharacterOfTheBasicPlane() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            String text = "Bearer x" + (char) c;
            assertThat(HeaderCharacters.allowed(text, false)).as("name with U+%04X", c).isEqualTo(NAMES.matcher(text).matches());
            assertThat(HeaderCharacters.allowed(text, true)).as("value with U+%04X", c).isEqualTo(VALUES.matcher(text).matches());
        }
    }

    @Test
    void agreesOnCharactersBeyondTheBasicPlane() {
        for (String text : new String[] {"🎹 piano", "\uD83C", "\uDFB9", new String(Character.toChars(0xE0001)),
                new String(Character.toChars(0x10FFFF)), new String(Character.toChars(0x2FFFF))}) {
            assertThat(HeaderCharacters.allowed(text, true)).as(text).isEqualTo(VALUES.matcher(text).matches());
        }
    }
}
