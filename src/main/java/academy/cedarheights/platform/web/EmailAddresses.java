package academy.cedarheights.platform.web;

import java.util.Locale;
import java.util.Optional;

/**
 * The one way an email address is read, by the API and the pages alike: trimmed, at most 254 characters (checked
 * before anything else looks at it), plain ASCII, one {@code @} between a local part of at most 64 characters and a
 * domain with a dot, then lower-cased. No regular expression: a crafted 2 MB field costs one pass. Non-ASCII
 * addresses are refused rather than folded, because {@code İ} and {@code ı} lower-case to letters that would let
 * {@code victim@gmaİl.com} stand for another person's address.
 */
public final class EmailAddresses {

    public static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL_PART = 64;

    private EmailAddresses() {
    }

    /** The address as stored and compared; a clear 400 naming {@code field} otherwise. */
    public static String normalise(String field, String typed) {
        return normalised(typed).orElseThrow(() -> new InvalidField(field, problem(typed)));
    }

    /** The address as stored and compared, or empty when it is not one. */
    public static Optional<String> normalised(String typed) {
        if (typed == null || typed.length() > MAX_LENGTH + 64) {
            return Optional.empty();
        }
        String address = typed.strip();
        return valid(address) ? Optional.of(address.toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    private static boolean valid(String address) {
        int at = address.indexOf('@');
        if (address.isEmpty() || address.length() > MAX_LENGTH || at < 1 || at > MAX_LOCAL_PART
                || at != address.lastIndexOf('@')) {
            return false;
        }
        int dot = address.lastIndexOf('.');
        if (dot < at + 2 || dot == address.length() - 1) {
            return false;
        }
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == '<' || c == '>' || c == '(' || c == ')' || c == ',' || c == ';'
                    || c == ':' || c == '\\' || c == '"' || c == '[' || c == ']') {
                return false;
            }
        }
        return true;
    }

    private static String problem(String typed) {
        if (typed == null || typed.isBlank()) {
            return "is required";
        }
        if (typed.strip().length() > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " characters";
        }
        if (!typed.strip().chars().allMatch(c -> c < 0x7f)) {
            return "must be written in plain ASCII letters (ask us if your address cannot be)";
        }
        return "must be an email address like name@example.com";
    }
}
