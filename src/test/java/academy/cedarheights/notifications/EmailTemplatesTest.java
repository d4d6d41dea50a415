package academy.cedarheights.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import academy.cedarheights.platform.Money;
import academy.cedarheights.schools.BillingPlan;
import academy.cedarheights.schools.Branding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every template rendered from its {@link Email} record with realistic facts, through the same model the email log
 * keeps: what a parent or admin reads — amounts, days and times in the school's zone, links that open from a mailbox —
 * is in both bodies.
 */
class EmailTemplatesTest {

    static final Branding SCHOOL = new Branding("Cedar Heights Music Academy", "#2f5d50", "hello@cedarheights.test",
            "America/Vancouver", "cedar-heights");
    static final URI SITE = URI.create("https://cedar.test");
    // 2026-11-30 18:00 UTC is Monday 10:00 in Vancouver
    final EmailRenderer renderer = new EmailRenderer(Clock.fixed(Instant.parse("2026-11-30T18:00:00Z"), ZoneOffset.UTC));

    static final Email BOOKED = new Email.BookingConfirmation("Priya Sharma", "Arjun", "Maya Chen", DayOfWeek.TUESDAY,
            LocalTime.of(16, 30), LocalDate.of(2026, 12, 1), BillingPlan.SEMESTER, Money.of(42000, "CAD"));
    static final Email ADD_A_CARD = new Email.ProvisionalNotice("Priya Sharma", "Arjun", "Maya Chen", DayOfWeek.MONDAY,
            LocalTime.of(15, 0), Instant.parse("2026-12-15T00:30:00Z"), SITE.resolve("/parent/payment-method"));
    static final Email NO_SHOW = new Email.NoShowNotice("Liam O'Brien", "Noah", "Daniel Okafor", LocalDate.of(2026, 11, 24),
            LocalTime.of(16, 0));
    static final Email MAKE_UP = new Email.MakeUpInvite("Liam O'Brien", "Ava", LocalDate.of(2026, 11, 23),
            LocalDate.of(2026, 12, 31), SITE.resolve("/parent/makeups"));
    static final Email MAKE_UP_BOOKED = new Email.MakeUpConfirmation("Liam O'Brien", "Ava", "Maya Chen",
            LocalDate.of(2026, 12, 3), LocalTime.of(17, 0));
    static final Email ALERT = new Email.AdminAlert("A background job gave up",
            "billing for enrollment 42 failed 5 times: Stripe unavailable", SITE.resolve("/admin/dashboard"));
    static final Email DECLINED = new Email.PaymentFailed("Marc Gagnon", "Léa", Money.of(42000, "CAD"),
            "the card was declined", SITE.resolve("/parent/payment-method"));
    static final Email REMINDER = new Email.LessonReminder("Priya Sharma", "Arjun", "Maya Chen", LocalDate.of(2026, 12, 1),
            LocalTime.of(16, 30), "Studio A");
    static final Email WELCOME = new Email.Welcome("Priya Sharma", SITE.resolve("/parent"));
    static final Email RESET = new Email.PasswordReset(SITE.resolve("/reset-password?token=abc"), 60);
    static final Email VERIFY = new Email.VerifyEmail(SITE.resolve("/verify-email?token=abc"), 24);
    static final Email INVITED = new Email.Invitation(SITE.resolve("/accept-invitation?token=abc"), "a teacher",
            "owner@cedar.test", LocalDate.of(2026, 12, 12));

    static final Email ENDED = new Email.BookingCancelled("Marc Gagnon", "Léa", "Daniel Okafor", DayOfWeek.THURSDAY,
            LocalTime.of(17, 0), "its payments have not gone through for 14 days", SITE.resolve("/parent"));

    static final Email EXPIRING = new Email.CardExpiring("Priya Sharma", "Visa", "4242", LocalDate.of(2026, 12, 1),
            SITE.resolve("/parent/payment-method"));

    static final Email RENEWAL = new Email.RenewalNotice("Marc Gagnon", "Léa", "Daniel Okafor", "Winter 2027", 12,
            Money.of(42000, "CAD"), LocalDate.of(2027, 1, 4), LocalDate.of(2027, 1, 7), LocalDate.of(2027, 3, 25),
            SITE.resolve("/parent/renewals/5b1f0c52-0d3f-4a51-9d7e-1b7f9f2f3a11"));

    static final Email RECEIPT = new Email.PaymentReceipt("Marc Gagnon", Money.of(42000, "CAD"),
            "Weekly lessons for Léa with Daniel Okafor, 12 lessons", "Visa ending in 4242", LocalDate.of(2027, 1, 4),
            SITE.resolve("/receipts/0e6a4c0e-8d7b-4f7a-a0b4-4f5a9b1e2c33"));

    static final Email HOLD_EXPIRING = new Email.HoldExpiring("Priya Sharma", "Arjun", "Maya Chen", DayOfWeek.MONDAY,
            LocalTime.of(15, 0), Instant.parse("2026-12-15T00:30:00Z"), SITE.resolve("/parent/payment-method"));
    static final Email HOLD_EXPIRED = new Email.HoldExpired("Priya Sharma", "Arjun", "Maya Chen", DayOfWeek.MONDAY,
            LocalTime.of(15, 0), "no card was added in time", SITE.resolve("/"));
    static final Email NEW_STUDENT = new Email.NewStudent("Maya Chen", "Arjun", "Piano", DayOfWeek.TUESDAY,
            LocalTime.of(16, 30), LocalDate.of(2026, 12, 1), "Studio A", SITE.resolve("/teacher"));
    static final Email STUDENT_LEFT = new Email.StudentLeft("Maya Chen", "Arjun", DayOfWeek.TUESDAY, LocalTime.of(16, 30),
            SITE.resolve("/teacher"));
    static final Email ABSENCE = new Email.AbsenceReported("Maya Chen", "Arjun", LocalDate.of(2026, 12, 8),
            LocalTime.of(16, 30), SITE.resolve("/teacher"));
    static final Email MOVED = new Email.BookingMoved("Priya Sharma", "Arjun", "Maya Chen", DayOfWeek.TUESDAY,
            LocalTime.of(16, 30), "Daniel Okafor", DayOfWeek.THURSDAY, LocalTime.of(17, 0), LocalDate.of(2026, 12, 10),
            SITE.resolve("/parent"));

    static final Email OFFER = new Email.WaitlistOffer("Priya Sharma", "Arjun", "Maya Chen", DayOfWeek.TUESDAY,
            LocalTime.of(16, 30), LocalDate.of(2026, 12, 8), Instant.parse("2026-12-02T00:00:00Z"),
            SITE.resolve("/parent/offers/7d2c4a8e-1f1b-4b0e-9a57-2f0c4a1e9b10"));

    static final Email FREED = new Email.MakeUpOffer("Liam O'Brien", "Ava", "Maya Chen", LocalDate.of(2026, 12, 3),
            LocalTime.of(17, 0), SITE.resolve("/parent/makeups"));

    static final Email ASKED_TO_THE_PORTAL = new Email.PortalInvitation("Marc Gagnon", "marc.gagnon@example.com",
            SITE.resolve("/sign-up"));

    static List<Email> everyTemplate() {
        return List.of(BOOKED, ADD_A_CARD, NO_SHOW, MAKE_UP, MAKE_UP_BOOKED, ALERT, DECLINED, REMINDER, WELCOME, RESET,
                VERIFY, INVITED, ENDED, EXPIRING, RENEWAL, RECEIPT, HOLD_EXPIRING, HOLD_EXPIRED, NEW_STUDENT,
                STUDENT_LEFT, ABSENCE, MOVED, OFFER, FREED, ASKED_TO_THE_PORTAL);
    }

    @Test
    void aFamilyAskedToThePortalIsToldWhichAddressToSignUpWithAndWhere() {
        RenderedEmail email = render(ASKED_TO_THE_PORTAL);

        assertThat(email.subject()).isEqualTo("Your family's lessons at Cedar Heights Music Academy, online");
        assertFacts(email, "Marc Gagnon", "marc.gagnon@example.com", "https://cedar.test/sign-up");
    }

    @Test
    void aWaitlistOfferSaysWhichSlotFromWhenUntilWhenItIsHeldAndWhereToAnswer() {
        RenderedEmail email = render(OFFER);

        assertThat(email.subject()).isEqualTo("A slot for Arjun: Tuesdays at 4:30 p.m. with Maya Chen");
        assertFacts(email, "Tuesdays at 4:30 p.m.", "Tuesday, December 8, 2026",
                "Tuesday, December 1, 2026 at 4:00 p.m. PST", "next family",
                "https://cedar.test/parent/offers/7d2c4a8e-1f1b-4b0e-9a57-2f0c4a1e9b10");
    }

    @Test
    void aFreedLessonIsOfferedWithItsDayTimeTeacherAndWhereToBookIt() {
        RenderedEmail email = render(FREED);

        assertThat(email.subject()).isEqualTo("A make-up lesson is free for Ava: Thursday, December 3, 2026 at 5:00 p.m.");
        assertFacts(email, "Maya Chen", "Thursday, December 3, 2026 at 5:00 p.m.", "first family to book",
                "https://cedar.test/parent/makeups");
    }

    @Test
    void aHoldAboutToExpireSaysWhenInTheSchoolsZoneAndWhereToAddACard() {
        RenderedEmail email = render(HOLD_EXPIRING);

        assertThat(email.subject()).isEqualTo("Two days left to keep Arjun's lesson slot");
        assertFacts(email, "Mondays at 3:00 p.m.", "Maya Chen", "Monday, December 14, 2026 at 4:30 p.m. PST",
                "https://cedar.test/parent/payment-method");
    }

    @Test
    void anExpiredHoldSaysWhyThatNothingWasChargedAndWhereToBookAgain() {
        RenderedEmail email = render(HOLD_EXPIRED);

        assertThat(email.subject()).isEqualTo("Arjun's lesson slot is no longer held");
        assertFacts(email, "Mondays at 3:00 p.m.", "no card was added in time", "nothing was charged",
                "https://cedar.test/");
    }

    @Test
    void aTeacherHearsOfANewStudentTheSlotAndTheFirstLesson() {
        RenderedEmail email = render(NEW_STUDENT);

        assertThat(email.subject()).isEqualTo("New student: Arjun, Tuesdays at 4:30 p.m.");
        assertFacts(email, "Maya Chen", "Piano", "Tuesdays at 4:30 p.m.", "Studio A",
                "Tuesday, December 1, 2026", "https://cedar.test/teacher");
    }

    @Test
    void aTeacherHearsAPupilLeftWithoutTheFamilysReasons() {
        RenderedEmail email = render(STUDENT_LEFT);

        assertThat(email.subject()).isEqualTo("Arjun no longer has lessons with you Tuesdays at 4:30 p.m.");
        assertFacts(email, "Maya Chen", "Tuesdays at 4:30 p.m.", "have ended", "https://cedar.test/teacher");
    }

    @Test
    void aTeacherHearsOfAReportedAbsenceWithTheLessonsDateAndTime() {
        RenderedEmail email = render(ABSENCE);

        assertThat(email.subject()).isEqualTo("Arjun will miss the lesson on Tuesday, December 8, 2026");
        assertFacts(email, "Maya Chen", "Tuesday, December 8, 2026 at 4:30 p.m.", "https://cedar.test/teacher");
    }

    @Test
    void aMoveSaysFromWhereToWhereAndTheFirstNewLesson() {
        RenderedEmail email = render(MOVED);

        assertThat(email.subject()).isEqualTo("Arjun's lessons move to Thursdays at 5:00 p.m.");
        assertFacts(email, "Priya Sharma", "Tuesdays at 4:30 p.m. with Maya Chen",
                "Thursdays at 5:00 p.m. with Daniel Okafor", "Thursday, December 10, 2026", "payments do not change",
                "https://cedar.test/parent");
    }

    @Test
    void aRenewalNoticeSaysWhatIsChargedWhenAndWhereToStopIt() {
        RenderedEmail email = render(RENEWAL);

        assertThat(email.subject()).isEqualTo("Léa's lessons continue in Winter 2027");
        assertFacts(email, "12 lessons", "Thursday, January 7, 2027", "Thursday, March 25, 2027",
                "Monday, January 4, 2027", "$420.00", "https://cedar.test/parent/renewals/5b1f0c52-0d3f-4a51-9d7e-1b7f9f2f3a11");
    }

    @Test
    void aReceiptSaysWhatWasPaidHowWhenAndForWhat() {
        RenderedEmail email = render(RECEIPT);

        assertThat(email.subject()).isEqualTo("Your receipt from Cedar Heights Music Academy");
        assertFacts(email, "$420.00", "Monday, January 4, 2027", "Visa ending in 4242",
                "Weekly lessons for Léa with Daniel Okafor, 12 lessons",
                "https://cedar.test/receipts/0e6a4c0e-8d7b-4f7a-a0b4-4f5a9b1e2c33");
    }

    @Test
    void anExpiringCardIsNamedWithItsLastMonthAndWhereToReplaceIt() {
        RenderedEmail email = render(EXPIRING);

        assertThat(email.subject()).isEqualTo("Your card for Cedar Heights Music Academy expires soon");
        assertFacts(email, "Visa ending in 4242", "December 2026", "https://cedar.test/parent/payment-method");
    }

    @Test
    void anEndedBookingSaysWhichLessonsAndWhy() {
        RenderedEmail email = render(ENDED);

        assertThat(email.subject()).isEqualTo("Léa's lessons with Daniel Okafor have ended");
        assertFacts(email, "Thursdays at 5:00 p.m.", "its payments have not gone through for 14 days",
                "https://cedar.test/parent");
    }

    @Test
    void everyTemplateIsRenderedHere() {
        Set<EmailTemplate> covered = everyTemplate().stream().map(Email::template).collect(Collectors.toSet());
        assertThat(covered).isEqualTo(EnumSet.allOf(EmailTemplate.class));
    }

    @ParameterizedTest
    @MethodSource("everyTemplate")
    void everyLinkInEitherBodyIsAbsolute(Email email) {
        RenderedEmail rendered = render(email);
        List<String> hrefs = all(Pattern.compile("href=\"([^\"]*)\""), rendered.html());
        assertThat(hrefs).allSatisfy(href -> assertThat(href).matches("(https://|mailto:).+"));
        assertThat(all(Pattern.compile("(\\S*/\\S*token=\\S*|https?://\\S+)"), rendered.text()))
                .allSatisfy(link -> assertThat(link).startsWith("https://cedar.test/"));
        assertThat(rendered.text()).doesNotContain("null").doesNotContain("${");
    }

    @Test
    void bookingConfirmationStatesTheTermsAmount() {
        RenderedEmail email = render(BOOKED);

        assertThat(email.subject()).isEqualTo("Arjun's lessons with Maya Chen are booked");
        assertFacts(email, "Priya Sharma", "Tuesdays at 4:30 p.m.", "Tuesday, December 1, 2026", "semester", "$420.00");
    }

    @Test
    void provisionalNoticeCarriesTheCardLinkAndTheHoldsExpiryInTheSchoolsZone() {
        assertFacts(render(ADD_A_CARD), "Mondays at 3:00 p.m.", "Monday, December 14, 2026 at 4:30 p.m. PST",
                "https://cedar.test/parent/payment-method");
    }

    @Test
    void noShowNotice() {
        assertFacts(render(NO_SHOW), "Noah", "Tuesday, November 24, 2026 at 4:00 p.m.", "24 hours");
    }

    @Test
    void makeUpInviteAndConfirmation() {
        assertFacts(render(MAKE_UP), "Ava", "Monday, November 23, 2026", "Thursday, December 31, 2026",
                "https://cedar.test/parent/makeups");
        assertFacts(render(MAKE_UP_BOOKED), "Ava", "Maya Chen", "Thursday, December 3, 2026 at 5:00 p.m.");
    }

    @Test
    void adminAlertSaysWhatHappenedWhereToLookAndWhyTheAdminGetsIt() {
        RenderedEmail email = render(ALERT);

        assertThat(email.subject()).isEqualTo("A background job gave up");
        assertFacts(email, "Stripe unavailable", "https://cedar.test/admin/dashboard",
                "you are an admin of Cedar Heights Music Academy");
    }

    @Test
    void paymentFailedStatesTheAmountAskedAndWhereToReplaceTheCard() {
        RenderedEmail email = render(DECLINED);

        assertThat(email.subject()).isEqualTo("A payment to Cedar Heights Music Academy did not go through");
        assertFacts(email, "$420.00", "Léa", "the card was declined", "https://cedar.test/parent/payment-method");
        assertThat(email.text()).contains("A payment of $420.00 for Léa's lessons did not go through: the card was declined");
    }

    @Test
    void aFailedInvoiceOfNoOneChildStillStatesItsAmount() {
        RenderedEmail email = render(new Email.PaymentFailed("Marc Gagnon", null, Money.of(14000, "CAD"),
                "the payment was declined", SITE.resolve("/parent/payment-method")));

        assertFacts(email, "$140.00", "the payment was declined");
        assertThat(email.text()).contains("A payment of $140.00 did not go through: the payment was declined");
    }

    @Test
    void lessonReminderSaysTomorrowAndHowToStopReminders() {
        RenderedEmail email = render(REMINDER);

        assertThat(email.subject()).isEqualTo("Reminder: Arjun's lesson tomorrow at 4:30 p.m.");
        assertFacts(email, "Tuesday, December 1, 2026 at 4:30 p.m.", "Studio A", "switch them off");
    }

    @Test
    void welcome() {
        RenderedEmail email = render(WELCOME);

        assertThat(email.subject()).isEqualTo("Welcome to Cedar Heights Music Academy");
        assertFacts(email, "Priya Sharma", "https://cedar.test/parent");
    }

    @Test
    void passwordResetCarriesTheLinkAndHowLongItWorks() {
        RenderedEmail email = render(RESET);

        assertThat(email.subject()).isEqualTo("Reset your Cedar Heights Music Academy password");
        assertFacts(email, "https://cedar.test/reset-password?token=abc", "ignore this email");
        assertThat(email.text()).contains("within 60 minutes");
    }

    @Test
    void verifyEmailCarriesTheLinkAndWhatWaitsForIt() {
        RenderedEmail email = render(VERIFY);

        assertThat(email.subject()).isEqualTo("Confirm your email address for Cedar Heights Music Academy");
        assertFacts(email, "https://cedar.test/verify-email?token=abc", "not hold a lesson slot",
                "If you did not create an account, ignore this email");
        assertThat(email.text()).contains("works once, for 24 hours");
    }

    @Test
    void anInvitationSaysWhoInvitedAsWhatAndUntilWhenInTheSchoolsWords() {
        RenderedEmail email = render(INVITED);

        assertThat(email.subject()).isEqualTo("You are invited to Cedar Heights Music Academy as a teacher");
        assertFacts(email, "owner@cedar.test", "invites you to", "https://cedar.test/accept-invitation?token=abc");
        assertThat(email.text()).contains("owner@cedar.test invites you to Cedar Heights Music Academy as a teacher");
        assertThat(email.text()).contains("until Saturday, December 12, 2026");
    }

    @Test
    void everyEmailCarriesTheSchoolsIdentityContactAndColour() {
        RenderedEmail email = render(new Email.Welcome("<script>x</script>", SITE.resolve("/parent")));

        assertFacts(email, "Cedar Heights Music Academy", "hello@cedarheights.test");
        assertThat(email.html()).contains("#2f5d50").contains("&lt;script&gt;").doesNotContain("<script>x");
    }

    private RenderedEmail render(Email email) {
        return renderer.render(email.template(), SCHOOL, EmailModel.of(email));
    }

    private static List<String> all(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        List<String> found = new java.util.ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static void assertFacts(RenderedEmail email, String... facts) {
        assertThat(email.html()).contains(Arrays.stream(facts).map(f -> f.replace("'", "&#39;")).toList());
        assertThat(email.text()).contains(facts);
    }
}
