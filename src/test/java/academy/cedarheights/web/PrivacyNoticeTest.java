package academy.cedarheights.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import academy.cedarheights.support.Api;
import academy.cedarheights.support.Browser;
import academy.cedarheights.support.DatabaseOwner;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.TestSchool;
import academy.cedarheights.support.TestSchools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A school's privacy notice in Chromium: its officer, set in the settings, named with the school's contact; the
 * schedule that runs; linked from every page's footer and from every email.
 */
@IntegrationTest
class PrivacyNoticeTest {

    @Autowired Api api;
    @Autowired TestSchools schools;
    @Autowired DatabaseOwner owner;
    @LocalServerPort int port;

    TestSchool school;
    String admin;

    @BeforeEach
    void aSchoolWithAnAdmin() {
        school = schools.create();
        admin = "owner@" + school.slug() + ".test";
        school.allowAdmin(admin);
        school.signUp(api, admin);
    }

    @Test
    void theOwnerNamesTheOfficerAndAFamilyReadsTheNoticeFromAnyPage() {
        Browser browser = Browser.at(school, port).signOut().signIn(admin, "correct horse battery");
        browser.open("/admin/settings").type("#contact_email", "privacy@" + school.slug() + ".test")
                .type("#privacy_officer", "Dana <Reyes>").submit("main form button[type=submit]");
        browser.waitForText("main", "Saved.");
        browser.signOut();

        browser.open("/").clickText("Privacy");

        assertThat(browser.text("#officer")).contains("Dana <Reyes> answers for how")
                .contains("Write to privacy@" + school.slug() + ".test");
        assertThat(browser.all("#officer b")).as("a name is text, never markup").isEmpty();
        assertThat(browser.text("#retention tbody")).contains("The text of emails").contains("1 year")
                .contains("7 years");
        assertThat(browser.text("#rights")).contains("reply STOP to a text");
        browser.accessible().screenshots("privacy-notice");

        owner.jdbc().sql("update schools set privacy_officer = null where id = :s").param("s", school.id()).update();
        browser.open("/privacy");
        assertThat(browser.text("#officer")).contains("The school’s owner answers for how");
    }

    @Test
    void everyEmailLinksToTheNoticeOfItsOwnSchool() {
        school.signUp(api, "pat@families.test");
        String html = owner.jdbc().sql("""
                        select body_html from email_log where school_id = :s and recipient = 'pat@families.test'
                           and template = 'welcome'""").param("s", school.id()).query(String.class).single();
        String text = owner.jdbc().sql("""
                        select body_text from email_log where school_id = :s and recipient = 'pat@families.test'
                           and template = 'welcome'""").param("s", school.id()).query(String.class).single();
        String link = html.replaceAll("(?s).*<a href=\"([^\"]*/privacy)\">How we handle your family(?:'|&#39;)s information</a>.*",
                "$1");

        assertThat(link).startsWith("http").endsWith("/privacy");
        assertThat(text).contains("Privacy: " + link);
        Browser browser = Browser.at(school, port).signOut().open(URI.create(link).getRawPath());
        assertThat(browser.find("h1").getText()).isEqualTo("Privacy at " + owner.jdbc()
                .sql("select name from schools where id = :s").param("s", school.id()).query(String.class).single());
    }
}
