package academy.cedarheights.notifications;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The emails Cedar Heights sends, each with the model keys it needs (dates as {@code YYYY-MM-DD}, times as
 * {@code HH:mm} in the school's zone, instants as ISO-8601 UTC, money in cents) and its subject line.
 * The bodies are {@code templates/email/<name>.html} and {@code .txt}.
 */
public enum EmailTemplate {
    BOOKING_CONFIRMATION("[(${student})]'s lessons with [(${teacher})] are booked",
            "parent_name", "student", "teacher", "weekday", "start_time", "first_lesson_date", "plan"),
    PROVISIONAL_NOTICE("Add a card to keep [(${student})]'s lesson slot",
            "parent_name", "student", "teacher", "weekday", "start_time", "expires_at", "card_url"),
    NO_SHOW_NOTICE("We missed [(${student})] at today's lesson",
            "parent_name", "student", "teacher", "lesson_date", "start_time"),
    MAKE_UP_INVITE("[(${student})] has a make-up lesson to book",
            "parent_name", "student", "missed_date", "expires_on", "book_url"),
    MAKE_UP_CONFIRMATION("Make-up lesson booked for [(${student})]",
            "parent_name", "student", "teacher", "lesson_date", "start_time"),
    ADMIN_ALERT("[(${title})]", "title", "detail"),
    PAYMENT_FAILED("A payment to [(${school.name})] did not go through",
            "parent_name", "amount", "currency", "card_url"),
    LESSON_REMINDER("Reminder: [(${student})]'s lesson [(${fmt.relativeDay(lesson_date)})] at [(${fmt.time(start_time)})]",
            "parent_name", "student", "teacher", "lesson_date", "start_time"),
    WELCOME("Welcome to [(${school.name})]", "parent_name", "portal_url"),
    PASSWORD_RESET("Reset your [(${school.name})] password", "reset_url", "expires_in_minutes"),
    VERIFY_EMAIL("Confirm your email address for [(${school.name})]", "verify_url", "expires_in_hours"),
    INVITATION("You are invited to [(${school.name})] as [(${role_name})]",
            "accept_url", "role_name", "invited_by", "expires_on");

    /** Model keys that are one-time capabilities: whoever reads them can act as the recipient. */
    private static final Set<String> SECRET_LINKS = Set.of("reset_url", "verify_url", "accept_url");

    private final String subject;
    private final List<String> required;

    EmailTemplate(String subject, String... required) {
        this.subject = subject;
        this.required = List.of(required);
    }

    /**
     * The model keys of this email that carry a one-time link: once a real provider has it, the email log keeps the
     * email with those links removed.
     */
    List<String> secretLinks() {
        return required.stream().filter(SECRET_LINKS::contains).toList();
    }

    /** The name in the email log and of the template files, e.g. {@code booking_confirmation}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    String subject() {
        return subject;
    }

    List<String> required() {
        return required;
    }

    public static EmailTemplate of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
