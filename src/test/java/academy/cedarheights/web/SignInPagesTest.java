package academy.cedarheights.web;

import static org.assertj.core.api.Assertions.assertThat;

import academy.cedarheights.support.Api;
import academy.cedarheights.support.Browser;
import academy.cedarheights.support.DatabaseOwner;
import academy.cedarheights.support.FakeSupabase;
import academy.cedarheights.support.IntegrationTest;
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
    void aForgottenPasswordIsReplacedThroughTheEmailedLinkOnce() {
        browser.open("/forgot-password").type("#email", "nobody@families.test").submit("main button[type=submit]");
        assertThat(browser.text("main .notice")).contains("If that email has an account");
        browser.open("/forgot-password").type("#email", "jo@families.test").submit("main button[type=submit]");
        assertThat(resetEmails()).as("none for an unknown address, one for the account").isEqualTo(1);

        String link = owner.jdbc().sql("""
                        select model ->> 'reset_url' from email_log where school_id = :s and template = 'password_reset'""")
                .param("s", school.id()).query(String.class).single();
        String path = link.substring(link.indexOf("/reset-password"));
        browser.open(path).accessible().type("#password", "a brand new password").submit("main button[type=submit]");
        assertThat(browser.text("main .notice")).contains("new password is saved");
        browser.signIn("jo@families.test", "a brand new password");
        assertThat(browser.path()).isEqualTo("/parent");

        browser.signOut().open(path).type("#password", "yet another password").submit("main button[type=submit]");
        assertThat(browser.text("main .field-error")).contains("expired or was already used");
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

    private long resetEmails() {
        return owner.jdbc().sql("select count(*) from email_log where school_id = :s and template = 'password_reset'")
                .param("s", school.id()).query(Long.class).single();
    }
}
