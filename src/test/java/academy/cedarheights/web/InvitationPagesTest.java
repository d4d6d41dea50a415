package academy.cedarheights.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import academy.cedarheights.support.Api;
import academy.cedarheights.support.Api.Answer;
import academy.cedarheights.support.Api.Session;
import academy.cedarheights.support.Browser;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.Mailbox;
import academy.cedarheights.support.TestSchool;
import academy.cedarheights.support.TestSchools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Teachers and co-admins arrive by invitation: the emailed link, a password, and they are in with their role once. */
@IntegrationTest
class InvitationPagesTest {

    @Autowired Api api;
    @Autowired TestSchools schools;
    @LocalServerPort int port;

    TestSchool school;
    Session admin;
    Browser browser;

    @BeforeEach
    void anAdmin() {
        school = schools.create();
        admin = school.admin(api);
        browser = Browser.at(school, port).signOut();
    }

    @Test
    void anInvitedTeacherChoosesAPasswordAndArrivesAtTheirDayOnce() {
        school.teacher("Ada Keys", true);
        String address = "ada.keys@" + school.slug() + ".test";
        Answer sent = admin.post("/api/v1/admin/invitations", "{\"email\": \"%s\", \"role\": \"teacher\"}".formatted(address));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        assertThat(sent.text("status")).isEqualTo("sent");

        Mailbox.Mail email = Mailbox.latest(address, school.slug(), "/accept-invitation");
        assertThat(email.subject()).isEqualTo("You are invited to School " + school.slug() + " as a teacher");
        assertThat(email.text()).contains("Choose a password to accept").contains("the link works once, until");
        browser.open(email.path("/accept-invitation?token=")).accessible();
        assertThat(browser.pageText()).contains("You will sign in as " + address);
        browser.type("#password", "short").submit("main button[type=submit]");
        assertThat(browser.text("main .field-error")).contains("at least 10 characters");
        browser.type("#password", "ada's own long password").submit("main button[type=submit]");
        assertThat(browser.path()).isEqualTo("/teacher");

        browser.signOut().open(email.path("/accept-invitation?token="));
        assertThat(browser.text("main .field-error")).contains("was already used");
        assertThat(admin.get("/api/v1/admin/invitations").texts("status")).containsExactly("accepted");
    }

    @Test
    void aRevokedOrReplacedInvitationOpensNothingAndTheNewOneMakesAnAdmin() {
        String address = "co.owner@elsewhere.test";
        String first = admin.post("/api/v1/admin/invitations", "{\"email\": \"%s\", \"role\": \"admin\"}".formatted(address))
                .text("id");
        String firstLink = Mailbox.latest(address, school.slug(), "/accept-invitation").path("/accept-invitation?token=");
        assertThat(admin.delete("/api/v1/admin/invitations/" + first).text("status")).isEqualTo("revoked");
        browser.open(firstLink);
        assertThat(browser.text("main .field-error")).contains("revoked");

        String replaced = invite(address, 2, List.of(firstLink));
        String newest = invite(address, 3, List.of(firstLink, replaced));
        browser.open(replaced);
        assertThat(browser.text("main .field-error")).as("inviting again replaces the link").contains("revoked");

        browser.open(newest).type("#password", "the co-owner's password").submit("main button[type=submit]");
        assertThat(browser.path()).isEqualTo("/admin");
        assertThat(admin.delete("/api/v1/admin/invitations/" + first).status()).as("revoking twice").isEqualTo(200);
    }

    @Test
    void onlyAdminsInviteAndATeacherInvitationNeedsTheTeacher() {
        Session parent = api.as(school.signUp(api, "parent@families.test"));
        assertThat(parent.post("/api/v1/admin/invitations", "{\"email\": \"me@x.test\", \"role\": \"admin\"}").status())
                .isEqualTo(403);
        assertThat(admin.post("/api/v1/admin/invitations", "{\"email\": \"nobody@x.test\", \"role\": \"teacher\"}")
                .errorFields()).containsExactly("email");
        assertThat(admin.post("/api/v1/admin/invitations", "{\"email\": \"nobody@x.test\", \"role\": \"owner\"}")
                .errorFields()).containsExactly("role");
        assertThat(admin.post("/api/v1/admin/invitations", "{\"email\": \"nobody@x.test\", \"role\": \"admin\"}")
                .status()).isEqualTo(201);

        browser.signIn(adminEmail(), TestSchool.PASSWORD).open("/admin/invitations").accessible();
        assertThat(browser.pageText()).contains("nobody@x.test");
        browser.screenshots("admin-invitations");
    }

    /** Invites the address as an admin and answers the path of the new email's link. */
    private String invite(String address, int emailsSoFar, List<String> earlierLinks) {
        admin.post("/api/v1/admin/invitations", "{\"email\": \"%s\", \"role\": \"admin\"}".formatted(address));
        return Mailbox.awaitCount(emailsSoFar, address, school.slug(), "/accept-invitation").stream()
                .map(mail -> mail.path("/accept-invitation?token=")).filter(link -> !earlierLinks.contains(link))
                .findFirst().orElseThrow();
    }

    private String adminEmail() {
        return admin.get("/api/v1/auth/me").text("email");
    }
}
