package academy.cedarheights.notifications;

import java.util.List;
import java.util.Locale;

/**
 * The emails Cedar Heights sends, each with its subject line and, for those that carry one, the model key of its
 * one-time link. What each says is its {@link Email} record; the bodies are {@code templates/email/<name>.html} and
 * {@code .txt}.
 */
public enum EmailTemplate {
    BOOKING_CONFIRMATION("[(${student})]'s lessons with [(${teacher})] are booked"),
    PROVISIONAL_NOTICE("Add a card to keep [(${student})]'s lesson slot"),
    NO_SHOW_NOTICE("We missed [(${student})] at today's lesson"),
    MAKE_UP_INVITE("[(${student})] has a make-up lesson to book"),
    MAKE_UP_CONFIRMATION("Make-up lesson booked for [(${student})]"),
    ADMIN_ALERT("[(${title})]"),
    PAYMENT_FAILED("A payment to [(${school.name})] did not go through"),
    LESSON_REMINDER("Reminder: [(${student})]'s lesson [(${fmt.relativeDay(lesson_date)})] at [(${fmt.time(start_time)})]"),
    WELCOME("Welcome to [(${school.name})]"),
    PASSWORD_RESET("Reset your [(${school.name})] password", "reset_url"),
    VERIFY_EMAIL("Confirm your email address for [(${school.name})]", "verify_url"),
    INVITATION("You are invited to [(${school.name})] as [(${role_name})]", "accept_url"),
    BOOKING_CANCELLED("[(${student})]'s lessons with [(${teacher})] have ended"),
    CARD_EXPIRING("Your card for [(${school.name})] expires soon"),
    RENEWAL_NOTICE("[(${student})]'s lessons continue in [(${term})]"),
    PAYMENT_RECEIPT("Your receipt from [(${school.name})]"),
    HOLD_EXPIRING("Two days left to keep [(${student})]'s lesson slot"),
    HOLD_EXPIRED("[(${student})]'s lesson slot is no longer held"),
    NEW_STUDENT("New student: [(${student})], [(${fmt.weekdays(weekday)})] at [(${fmt.time(start_time)})]"),
    STUDENT_LEFT("[(${student})] no longer has lessons with you [(${fmt.weekdays(weekday)})] at [(${fmt.time(start_time)})]"),
    ABSENCE_REPORTED("[(${student})] will miss the lesson on [(${fmt.date(lesson_date)})]"),
    BOOKING_MOVED("[(${student})]'s lessons move to [(${fmt.weekdays(to_weekday)})] at [(${fmt.time(to_time)})]"),
    MAKE_UP_OFFER("A make-up lesson is free for [(${student})]: [(${fmt.date(lesson_date)})] at [(${fmt.time(start_time)})]"),
    WAITLIST_OFFER("A slot for [(${student})]: [(${fmt.weekdays(weekday)})] at [(${fmt.time(start_time)})] with [(${teacher})]"),
    PORTAL_INVITATION("Your family's lessons at [(${school.name})], online");

    private final String subject;
    /** Model keys that are one-time capabilities: whoever reads them can act as the recipient. */
    private final List<String> secretLinks;

    EmailTemplate(String subject, String... secretLinks) {
        this.subject = subject;
        this.secretLinks = List.of(secretLinks);
    }

    /**
     * The model keys of this email that carry a one-time link: once a real provider has it, the email log keeps the
     * email with those links removed.
     */
    List<String> secretLinks() {
        return secretLinks;
    }

    /**
     * What a one-click unsubscribe from this email stops (CASL): the family's reminder emails, or the school's
     * invitations and news; none for an email strictly about something the family did or booked.
     */
    String unsubscribes() {
        return switch (this) {
            case LESSON_REMINDER -> "reminder_emails";
            case PORTAL_INVITATION -> "news";
            default -> null;
        };
    }

    /** The name in the email log and of the template files, e.g. {@code booking_confirmation}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    String subject() {
        return subject;
    }

    public static EmailTemplate of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
