package academy.cedarheights.platform.privacy;

/**
 * What a module holds of a family, erased in the transaction of the family's erasure: each module erases its own
 * tables — the family's own rows by their ids, and the family's values wherever its records wrote them — and nothing
 * else. The families module pseudonymises the family first, so that whatever the steps below write (a teacher told a
 * pupil left, a cancellation's credit) already names only the pseudonym.
 */
public interface PersonalData {

    /** The order the steps run in ({@link org.springframework.core.annotation.Order}). */
    int BOOKINGS = 10;
    int LESSONS = 20;
    int ACCOUNTS = 30;
    int SIGN_IN = 40;
    /** After every step that may send a message, so that what they sent is erased too. */
    int MESSAGES = 50;
    /** Last: the audit trail holds what every step above recorded. */
    int RECORDS = 60;

    void erase(ErasedFamily family);
}
