package academy.cedarheights.web;

import static org.assertj.core.api.Assertions.assertThat;

import academy.cedarheights.support.Api;
import academy.cedarheights.support.Browser;
import academy.cedarheights.support.DatabaseOwner;
import academy.cedarheights.support.FakeSupabase;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.Mailbox;
import academy.cedarheights.support.Tokens;
import academy.cedarheights.support.TestSchool;
import academy.cedarheights.support.TestSchools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Signing in, up and out through the pages, and the forgotten-password link. */
@IntegrationTest
class SignInPagesTest {

    static final String PASSWORD = "correct horse battery";

    @Autowired Api api;
    @Autowired TestSchools schools;
    @Autowired DatabaseOwner owner;
    @LocalServerPort int port;

    TestSchool school;
    Browser browser;

    @BeforeEach
    void aSchoolWithAFamilyAccount() {
        school = schools.create();
        school.signUp(api, "jo@families.test");
        browser = Browser.at(school, port).signOut();
    }

    @Test
    void wrongPasswordsAndWeakOnesAreExplainedOnTheForm() {
        browser.open("/sign-in").type("#email", "jo@families.test").type("#password", "not the password")
                .submit("main button[type=submit]");
        assertThat(browser.text("main .field-error")).contains("do not match");
        assertThat(browser.cookie("cedar_session")).isNull();

        browser.open("/sign-up").type("#name", "Al").type("#email", "al@families.test").type("#password", "short")
                .submit("main button[type=submit]");
        assertThat(browser.text("#password-error")).contains("at least 10 characters");
        browser.accessible().screenshots("sign-up-error");
    }

    @Test
    void aSignedInParentLandsOnTheirPortalAndSignsOut() {
        browser.open("/sign-in?next=//elsewhere.example/steal").type("#email", "jo@families.test")
                .type("#password", PASSWORD).submit("main button[type=submit]");
        assertThat(browser.path()).as("no open redirect").isEqualTo("/parent");
        browser.submit("header form button");
        assertThat(browser.cookie("cedar_session")).isNull();
        browser.open("/parent");
        assertThat(browser.path()).startsWith("/sign-in");
    }

    @Test
    void aForgottenPasswordIsReplacedThroughTheEmailedLinkOnceAndEndsEverySession() {
        String oldToken = school.login(api, "jo@families.test");
        browser.open("/forgot-password").type("#email", "nobody@families.test").submit("main button[type=submit]");
        assertThat(browser.text("main .notice")).contains("If that email has an account");
        browser.open("/forgot-password").type("#email", "jo@famİlies.test").submit("main button[type=submit]");
        assertThat(browser.text("main .notice")).as("a look-alike gets the same answer").contains("If that email has an account");
        browser.open("/forgot-password").type("#email", "  JO@Families.TEST ").submit("main button[type=submit]");

        Mailbox.Mail email = Mailbox.latest("jo@families.test", school.slug(), "/reset-password");
        assertThat(email.to()).as("the address stored on the account, not the one typed").isEqualTo("jo@families.test");
        assertThat(email.subject()).isEqualTo("Reset your School " + school.slug() + " password");
        assertThat(resetEmails()).as("none for an unknown or look-alike address, one for the account").isEqualTo(1);
        assertThat(loggedBody("password_reset")).as("the log of a real provider keeps no usable link")
                .doesNotContain(email.link("/reset-password")).contains("[one-time link removed from the log]");

        String path = email.path("/reset-password");
        browser.open(path).accessible().type("#password", "a brand new password").submit("main button[type=submit]");
        assertThat(browser.text("main .notice")).contains("new password is saved");
        assertThat(api.get("/api/v1/auth/me", Tokens.bearer(oldToken)).status()).as("the old session is over").isEqualTo(401);
        browser.signIn("jo@families.test", "a brand new password");
        assertThat(browser.path()).isEqualTo("/parent");

        browser.signOut().open(path).type("#password", "yet another password").submit("main button[type=submit]");
        assertThat(browser.text("main .field-error")).contains("expired or was already used");
    }

    @Test
    void aNewParentIsToldWhereTheLinkWentAndArrivesProvenFromIt() {
        browser.open("/sign-up").type("#name", "Al New").type("#email", "al.new@families.test")
                .type("#password", PASSWORD).submit("main button[type=submit]");
        assertThat(browser.path()).isEqualTo("/verify-email/sent");
        assertThat(browser.accessible().pageText()).contains("We sent a link to al.new@families.test");
        browser.screenshots("verify-email-sent");
        browser.submit("form[action='/verify-email/resend'] button");
        assertThat(browser.text("main .notice")).contains("sent the link again");

        Mailbox.Mail email = Mailbox.latest("al.new@families.test", school.slug(), "/verify-email");
        assertThat(email.text()).contains("Please confirm that this is your email address for School " + school.slug());
        browser.signOut().open(email.path("/verify-email?token=")).accessible();
        browser.submit("main form button");
        assertThat(browser.path()).isEqualTo("/parent");
        assertThat(owner.jdbc().sql("select email_verified_at is not null from accounts where school_id = :s and email = :e")
                .param("s", school.id()).param("e", "al.new@families.test").query(Boolean.class).single()).isTrue();

        browser.signOut().open(email.path("/verify-email?token=")).submit("main form button");
        assertThat(browser.text("main .field-error")).contains("expired or was already used");
    }

    @Test
    void signingOutEndsTheSessionSoACopiedCookieIsWorthNothing() {
        browser.signIn("jo@families.test", PASSWORD);
        String copied = browser.cookie("cedar_session");
        browser.submit("header form button");

        Api.Answer replayed = api.get("/api/v1/auth/me", Tokens.bearer(copied));
        assertThat(replayed.status()).isEqualTo(401);
    }

    @Test
    void signingOutEverywhereFromThePageEndsTheOtherDevices() {
        String phone = school.login(api, "jo@families.test");
        browser.signIn("jo@families.test", PASSWORD).open("/account/sessions").accessible();
        browser.submit("form[action='/account/sessions/end-everywhere'] button");
        assertThat(browser.text("main .notice")).contains("signed out on every device");
        assertThat(api.post("/api/v1/auth/refresh", "", Tokens.bearer(phone)).status()).isEqualTo(401);
    }

    @Test
    void aSupabaseAccountSignsInThroughTheSupabasePage() {
        FakeSupabase.publish(FakeSupabase.EC_KEY);
        FakeSupabase.acceptPassword("sam@families.test", "sam's supabase password");
        browser.open("/sign-in").submit("a[href^='/sign-in/supabase']");
        browser.accessible();
        browser.type("#email", "sam@families.test").type("#password", "a wrong password").submit("main button[type=submit]");
        assertThat(browser.text("main .field-error")).contains("do not match a Supabase account");

        browser.type("#email", "sam@families.test").type("#password", "sam's supabase password")
                .submit("main button[type=submit]");
        assertThat(browser.path()).as("new to the school: the profile comes first").startsWith("/parent/profile?next=");
        browser.type("#name", "Sam Supa").submit("main form[action='/parent/profile'] button");
        assertThat(browser.path()).isEqualTo("/parent");
        assertThat(browser.pageText()).contains("sam@families.test").contains("No bookings yet");
    }

    /** What the email log keeps of the sent email, once the delivery has been recorded. */
    private String loggedBody(String template) {
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> owner.jdbc().sql("""
                                select body_text || body_html || model::text from email_log
                                 where school_id = :s and template = :t and status = 'sent'""")
                        .param("s", school.id()).param("t", template).query(String.class).optional(),
                java.util.Optional::isPresent).orElseThrow();
    }

    private long resetEmails() {
        return owner.jdbc().sql("select count(*) from email_log where school_id = :s and template = 'password_reset'")
                .param("s", school.id()).query(Long.class).single();
    }
}
