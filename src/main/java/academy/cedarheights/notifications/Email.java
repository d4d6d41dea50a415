package academy.cedarheights.notifications;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import academy.cedarheights.platform.Money;
import academy.cedarheights.schools.BillingPlan;
import org.jspecify.annotations.Nullable;

/**
 * What an email says: one record per template, its components the words the template prints, so a caller that
 * forgets one does not compile. Dates are the school's calendar days and wall-clock times, instants are UTC (the
 * template shows them in the school's zone), money is cents with its currency, and every link is absolute: an email
 * is opened from a mailbox, where a path means nothing. Only a {@link Nullable} component may be left out.
 * {@link EmailModel} turns a record into the model the email log keeps and the template reads.
 */
public sealed interface Email {

    EmailTemplate template();

    record BookingConfirmation(String parentName, String student, String teacher, DayOfWeek weekday,
                               LocalTime startTime, LocalDate firstLessonDate, BillingPlan plan, Money amount)
            implements Email {
        public EmailTemplate template() {
            return EmailTemplate.BOOKING_CONFIRMATION;
        }
    }

    record ProvisionalNotice(String parentName, String student, String teacher, DayOfWeek weekday,
                             LocalTime startTime, Instant expiresAt, URI cardUrl) implements Email {
        public EmailTemplate template() {
            return EmailTemplate.PROVISIONAL_NOTICE;
        }
    }

    record NoShowNotice(String parentName, String student, String teacher, LocalDate lessonDate, LocalTime startTime)
            implements Email {
        public EmailTemplate template() {
            return EmailTemplate.NO_SHOW_NOTICE;
        }
    }

    record MakeUpInvite(String parentName, String student, LocalDate missedDate, LocalDate expiresOn, URI bookUrl)
            implements Email {
        public EmailTemplate template() {
            return EmailTemplate.MAKE_UP_INVITE;
        }
    }

    record MakeUpConfirmation(String parentName, String student, String teacher, LocalDate lessonDate,
                              LocalTime startTime) implements Email {
        public EmailTemplate template() {
            return EmailTemplate.MAKE_UP_CONFIRMATION;
        }
    }

    /** @param link where in the admin console to look */
    record AdminAlert(String title, String detail, @Nullable URI link) implements Email {
        public EmailTemplate template() {
            return EmailTemplate.ADMIN_ALERT;
        }
    }

    /** @param student whose lessons the payment was for, when it was for one child's */
    record PaymentFailed(String parentName, @Nullable String student, Money amount, String reason, URI cardUrl)
            implements Email {
        public EmailTemplate template() {
            return EmailTemplate.PAYMENT_FAILED;
        }
    }

    record LessonReminder(String parentName, String student, String teacher, LocalDate lessonDate,
                          LocalTime startTime, @Nullable String room) implements Email {
        public EmailTemplate template() {
            return EmailTemplate.LESSON_REMINDER;
        }
    }

    record Welcome(String parentName, URI portalUrl) implements Email {
        public EmailTemplate template() {
            return EmailTemplate.WELCOME;
        }
    }

    /** The school made the family's record and asks them to the portal: they sign up with this address. */
    record PortalInvitation(String parentName, String email, URI signUpUrl) implements Email {
        public EmailTemplate template() {
            return EmailTemplate.PORTAL_INVITATION;
        }
    }

    record PasswordReset(URI resetUrl, long expiresInMinutes) implements Email {
        public EmailTemplate template() {
            return EmailTemplate.PASSWORD_RESET;
        }
    }

    record VerifyEmail(URI verifyUrl, long expiresInHours) implements Email {
        public EmailTemplate template() {
            return EmailTemplate.VERIFY_EMAIL;
        }
    }

    /** @param reason why, in the words of a sentence: "the payments of the last 14 days did not go through" */
    record BookingCancelled(String parentName, String student, String teacher, DayOfWeek weekday, LocalTime startTime,
                            String reason, URI portalUrl) implements Email {
        public EmailTemplate template() {
            return EmailTemplate.BOOKING_CANCELLED;
        }
    }

    /** @param expires the card's last month, as its first day */
    record CardExpiring(String parentName, String brand, String last4, LocalDate expires, URI cardUrl) implements Email {
        public EmailTemplate template() {
            return EmailTemplate.CARD_EXPIRING;
        }
    }

    /**
     * A term's renewal, announced before it is charged.
     *
     * @param lessons  the lessons of the next term the amount pays for
     * @param chargeOn the day the card on file is charged (the term's first day)
     * @param optOutUrl the page where the family says it will not continue
     */
    record RenewalNotice(String parentName, String student, String teacher, String term, int lessons, Money amount,
                         LocalDate chargeOn, LocalDate firstLesson, LocalDate lastLesson, URI optOutUrl)
            implements Email {
        public EmailTemplate template() {
            return EmailTemplate.RENEWAL_NOTICE;
        }
    }

    /**
     * A payment the school received, with its receipt.
     *
     * @param paidFor what it paid for (the charge's description), or null for a payment on account
     * @param method  as the receipt says it: "Visa ending in 4242", "Cash", "e-Transfer"
     */
    record PaymentReceipt(String parentName, Money amount, @Nullable String paidFor, String method, LocalDate paidOn,
                          URI receiptUrl) implements Email {
        public EmailTemplate template() {
            return EmailTemplate.PAYMENT_RECEIPT;
        }
    }

    /** Two days before a hold that still waits for a card runs out. */
    record HoldExpiring(String parentName, String student, String teacher, DayOfWeek weekday, LocalTime startTime,
                        Instant expiresAt, URI cardUrl) implements Email {
        public EmailTemplate template() {
            return EmailTemplate.HOLD_EXPIRING;
        }
    }

    /** @param reason why billing was not in place, in the words of a sentence: "no card was added" */
    record HoldExpired(String parentName, String student, String teacher, DayOfWeek weekday, LocalTime startTime,
                       String reason, URI bookUrl) implements Email {
        public EmailTemplate template() {
            return EmailTemplate.HOLD_EXPIRED;
        }
    }

    /** To a teacher: a pupil's weekly lessons with them are booked and paid for. */
    record NewStudent(String teacherName, String student, String instrument, DayOfWeek weekday, LocalTime startTime,
                      LocalDate firstLesson, @Nullable String room, URI lessonsUrl) implements Email {
        public EmailTemplate template() {
            return EmailTemplate.NEW_STUDENT;
        }
    }

    /** To a teacher: a pupil's weekly lessons with them have ended (why is the family's and the school's business). */
    record StudentLeft(String teacherName, String student, DayOfWeek weekday, LocalTime startTime, URI lessonsUrl)
            implements Email {
        public EmailTemplate template() {
            return EmailTemplate.STUDENT_LEFT;
        }
    }

    /** To a teacher: a family reported ahead that their child will miss a lesson. */
    record AbsenceReported(String teacherName, String student, LocalDate lessonDate, LocalTime startTime,
                           URI lessonsUrl) implements Email {
        public EmailTemplate template() {
            return EmailTemplate.ABSENCE_REPORTED;
        }
    }

    /**
     * To the family and to both teachers: a pupil's weekly lessons moved to another slot.
     *
     * @param recipientName the parent's or the teacher's name
     * @param firstLesson   the first lesson in the new slot
     * @param link          the recipient's own page: the parent portal, or the teacher's lessons
     */
    record BookingMoved(String recipientName, String student, String fromTeacher, DayOfWeek fromWeekday,
                        LocalTime fromTime, String toTeacher, DayOfWeek toWeekday, LocalTime toTime,
                        LocalDate firstLesson, URI link) implements Email {
        public EmailTemplate template() {
            return EmailTemplate.BOOKING_MOVED;
        }
    }

    /**
     * A slot a waiting family asked for is free and held for it until {@code expiresAt}.
     *
     * @param offerUrl the page where the family accepts (choosing its plan) or declines
     */
    record WaitlistOffer(String parentName, String student, String teacher, DayOfWeek weekday, LocalTime startTime,
                         LocalDate firstLesson, Instant expiresAt, URI offerUrl) implements Email {
        public EmailTemplate template() {
            return EmailTemplate.WAITLIST_OFFER;
        }
    }

    /** A lesson freed by another pupil's absence, offered to a family holding a make-up credit: first booking wins. */
    record MakeUpOffer(String parentName, String student, String teacher, LocalDate lessonDate, LocalTime startTime,
                       URI bookUrl) implements Email {
        public EmailTemplate template() {
            return EmailTemplate.MAKE_UP_OFFER;
        }
    }

    /** @param roleName the role as the sentence says it: "an admin", "a teacher" */
    record Invitation(URI acceptUrl, String roleName, String invitedBy, LocalDate expiresOn) implements Email {
        public EmailTemplate template() {
            return EmailTemplate.INVITATION;
        }
    }
}
