package academy.cedarheights.platform.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * What a form field holds, read leniently: blank or malformed is {@code null}, and the bean constraints of the
 * request it goes into then name the field, exactly as the API would.
 */
public final class FormValues {

    private FormValues() {
    }

    /** Text as typed, trimmed; blank is {@code null} (an optional field left empty). */
    public static String text(String typed) {
        return typed == null || typed.isBlank() ? null : typed.trim();
    }

    public static UUID uuid(String typed) {
        try {
            return typed == null || typed.isBlank() ? null : UUID.fromString(typed.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static LocalDate date(String typed) {
        try {
            return typed == null || typed.isBlank() ? null : LocalDate.parse(typed.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public static LocalTime time(String typed) {
        try {
            return typed == null || typed.isBlank() ? null : LocalTime.parse(typed.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public static Integer number(String typed) {
        return typed != null && typed.trim().matches("\\d{1,9}") ? Integer.valueOf(typed.trim()) : null;
    }
}
