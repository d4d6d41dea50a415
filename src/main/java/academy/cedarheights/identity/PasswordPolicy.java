package academy.cedarheights.identity;

import java.nio.charset.StandardCharsets;

import academy.cedarheights.platform.web.InvalidField;

/** What a new password must be: 10 characters at least, at most 72 bytes (bcrypt's limit), not the email. */
final class PasswordPolicy {

    static final int MINIMUM_LENGTH = 10;
    static final int MAXIMUM_BYTES = 72;

    private PasswordPolicy() {
    }

    static void check(String field, String password, String email) {
        if (password.codePointCount(0, password.length()) < MINIMUM_LENGTH) {
            throw new InvalidField(field, "must be at least " + MINIMUM_LENGTH + " characters long");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAXIMUM_BYTES) {
            throw new InvalidField(field, "must be at most " + MAXIMUM_BYTES + " bytes long");
        }
        if (password.trim().equalsIgnoreCase(email.trim())) {
            throw new InvalidField(field, "must not be your email address");
        }
    }
}
