package academy.cedarheights.families;

import java.time.Instant;
import java.util.UUID;

import academy.cedarheights.platform.LowerCaseNamed;

/**
 * One line of a family's consent ledger: a consent given or withdrawn, for what, when, how and by whom; for the
 * school's policy, the child it was accepted for ({@code forChild}: by their guardian, as a child under 14 cannot
 * consent alone) and the version of the text accepted.
 */
public record Consent(Purpose purpose, UUID studentId, String student, boolean granted, Instant at, How how,
                      String byWhom, boolean forChild, String textVersion) {

    /** What the family agreed to. */
    public enum Purpose implements LowerCaseNamed { SCHOOL_POLICY, REMINDER_EMAILS, REMINDER_TEXTS, NEWS }

    /**
     * Where it was given: a page or the API (the family's or the school's), an import, an email's unsubscribe link, a
     * text answered STOP or START, or before the ledger existed.
     */
    public enum How implements LowerCaseNamed { PAGE, API, IMPORT, EMAIL_LINK, TEXT_REPLY, MIGRATED }
}
