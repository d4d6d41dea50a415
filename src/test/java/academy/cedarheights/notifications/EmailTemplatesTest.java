package academy.cedarheights.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import academy.cedarheights.schools.Branding;
import org.junit.jupiter.api.Test;

/** Every template rendered with a realistic model: the facts a parent or admin needs are in both bodies. */
class EmailTemplatesTest {

    static final Branding SCHOOL = new Branding("Cedar Heights Music Academy", "#2f5d50", "hello@cedarheights.test",
            "America/Vancouver", "cedar-heights");
    // 2026-11-30 18:00 UTC is Monday 10:00 in Vancouver
    final EmailRenderer renderer = new EmailRenderer(Clock.fixed(Instant.parse("2026-11-30T18:00:00Z"), ZoneOffset.UTC));

    @Test
    void bookingConfirmation() {
        RenderedEmail email = render(EmailTemplate.BOOKING_CONFIRMATION, Map.of("parent_name", "Priya Sharma",
                "student", "Arjun", "teacher", "Maya Chen", "weekday", 2, "start_time", "16:30",
                "first_lesson_date", "2026-12-01", "plan", "monthly", "amount", 14000, "currency", "CAD"));

        assertThat(email.subject()).isEqualTo("Arjun's lessons with Maya Chen are booked");
        assertFacts(email, "Priya Sharma", "Tuesdays at 4:30 p.m.", "Tuesday, December 1, 2026", "$140.00");
    }

    @Test
    void provisionalNoticeCarriesTheCardLinkAndTheHoldsExpiryInTheSchoolsZone() {
        RenderedEmail email = render(EmailTemplate.PROVISIONAL_NOTICE, Map.of("parent_name", "Priya Sharma",
                "student", "Arjun", "teacher", "Maya Chen", "weekday", 1, "start_time", "15:00",
                "expires_at", "2026-12-15T00:30:00Z", "card_url", "https://cedar.test/parent/card"));

        assertFacts(email, "Mondays at 3:00 p.m.", "Monday, December 14, 2026 at 4:30 p.m. PST",
                "https://cedar.test/parent/card");
    }

    @Test
    void noShowNotice() {
        assertFacts(render(EmailTemplate.NO_SHOW_NOTICE, Map.of("parent_name", "Liam O'Brien", "student", "Noah",
                        "teacher", "Daniel Okafor", "lesson_date", "2026-11-24", "start_time", "16:00")),
                "Noah", "Tuesday, November 24, 2026 at 4:00 p.m.", "24 hours");
    }

    @Test
    void makeUpInviteAndConfirmation() {
        assertFacts(render(EmailTemplate.MAKE_UP_INVITE, Map.of("parent_name", "Liam O'Brien", "student", "Ava",
                        "missed_date", "2026-11-23", "expires_on", "2026-12-31", "book_url", "https://cedar.test/makeups")),
                "Ava", "Monday, November 23, 2026", "Thursday, December 31, 2026", "https://cedar.test/makeups");
        assertFacts(render(EmailTemplate.MAKE_UP_CONFIRMATION, Map.of("parent_name", "Liam O'Brien", "student", "Ava",
                        "teacher", "Maya Chen", "lesson_date", "2026-12-03", "start_time", "17:00")),
                "Ava", "Maya Chen", "Thursday, December 3, 2026 at 5:00 p.m.");
    }

    @Test
    void adminAlertSaysWhatHappenedAndWhyTheAdminGetsIt() {
        RenderedEmail email = render(EmailTemplate.ADMIN_ALERT, Map.of("title", "A background job gave up",
                "detail", "billing for enrollment 42 failed 5 times: Stripe unavailable"));

        assertThat(email.subject()).isEqualTo("A background job gave up");
        assertFacts(email, "Stripe unavailable", "you are an admin of Cedar Heights Music Academy");
    }

    @Test
    void paymentFailed() {
        RenderedEmail email = render(EmailTemplate.PAYMENT_FAILED, Map.of("parent_name", "Marc Gagnon", "student", "Léa",
                "amount", 42000, "currency", "CAD", "reason", "the card was declined", "card_url", "https://cedar.test/card"));

        assertThat(email.subject()).isEqualTo("A payment to Cedar Heights Music Academy did not go through");
        assertFacts(email, "$420.00", "Léa", "the card was declined", "https://cedar.test/card");
    }

    @Test
    void lessonReminderSaysTomorrowAndHowToStopReminders() {
        RenderedEmail email = render(EmailTemplate.LESSON_REMINDER, Map.of("parent_name", "Priya Sharma",
                "student", "Arjun", "teacher", "Maya Chen", "lesson_date", "2026-12-01", "start_time", "16:30",
                "room", "Studio A"));

        assertThat(email.subject()).isEqualTo("Reminder: Arjun's lesson tomorrow at 4:30 p.m.");
        assertFacts(email, "Tuesday, December 1, 2026 at 4:30 p.m.", "Studio A", "switch them off");
    }

    @Test
    void welcome() {
        RenderedEmail email = render(EmailTemplate.WELCOME, Map.of("parent_name", "Priya Sharma",
                "portal_url", "https://cedar.test/parent"));

        assertThat(email.subject()).isEqualTo("Welcome to Cedar Heights Music Academy");
        assertFacts(email, "Priya Sharma", "https://cedar.test/parent");
    }

    @Test
    void passwordResetCarriesTheLinkAndHowLongItWorks() {
        RenderedEmail email = render(EmailTemplate.PASSWORD_RESET, Map.of(
                "reset_url", "https://cedar.test/reset-password?token=abc", "expires_in_minutes", 60));

        assertThat(email.subject()).isEqualTo("Reset your Cedar Heights Music Academy password");
        assertFacts(email, "https://cedar.test/reset-password?token=abc", "ignore this email");
        assertThat(email.text()).contains("within 60 minutes");
    }

    @Test
    void verifyEmailCarriesTheLinkAndWhatWaitsForIt() {
        RenderedEmail email = render(EmailTemplate.VERIFY_EMAIL, Map.of(
                "verify_url", "https://cedar.test/verify-email?token=abc", "expires_in_hours", 24));

        assertThat(email.subject()).isEqualTo("Confirm your email address for Cedar Heights Music Academy");
        assertFacts(email, "https://cedar.test/verify-email?token=abc", "not hold a lesson slot",
                "If you did not create an account, ignore this email");
        assertThat(email.text()).contains("works once, for 24 hours");
    }

    @Test
    void anInvitationSaysWhoInvitedAsWhatAndUntilWhenInTheSchoolsWords() {
        RenderedEmail email = render(EmailTemplate.INVITATION, Map.of("accept_url", "https://cedar.test/accept-invitation?token=abc",
                "role_name", "a teacher", "invited_by", "owner@cedar.test", "expires_on", "2026-12-12"));

        assertThat(email.subject()).isEqualTo("You are invited to Cedar Heights Music Academy as a teacher");
        assertFacts(email, "owner@cedar.test", "invites you to", "https://cedar.test/accept-invitation?token=abc");
        assertThat(email.text()).contains("owner@cedar.test invites you to Cedar Heights Music Academy as a teacher");
        assertThat(email.text()).contains("until Saturday, December 12, 2026");
    }

    @Test
    void everyEmailCarriesTheSchoolsIdentityContactAndColour() {
        RenderedEmail email = render(EmailTemplate.WELCOME, Map.of("parent_name", "<script>x</script>",
                "portal_url", "https://cedar.test/parent"));

        assertFacts(email, "Cedar Heights Music Academy", "hello@cedarheights.test");
        assertThat(email.html()).contains("#2f5d50").contains("&lt;script&gt;").doesNotContain("<script>x");
    }

    private RenderedEmail render(EmailTemplate template, Map<String, Object> model) {
        return renderer.render(template, SCHOOL, model);
    }

    private static void assertFacts(RenderedEmail email, String... facts) {
        assertThat(email.html()).contains(java.util.Arrays.stream(facts).map(f -> f.replace("'", "&#39;")).toList());
        assertThat(email.text()).contains(facts);
    }
}
