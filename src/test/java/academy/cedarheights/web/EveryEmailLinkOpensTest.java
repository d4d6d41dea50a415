package academy.cedarheights.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import academy.cedarheights.support.Api.Session;
import academy.cedarheights.support.Api;
import academy.cedarheights.support.Browser;
import academy.cedarheights.support.DatabaseOwner;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.Mailbox;
import academy.cedarheights.support.TestSchool;
import academy.cedarheights.support.TestSchools;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every link of every email a school sends in its first flows — a family signing up, proving its address, resetting a
 * password, holding a slot without a card; an admin inviting a colleague — opens, for its recipient in Chromium, a
 * page of that school at that school's own address: never another school's, never a "page not found".
 */
@IntegrationTest
class EveryEmailLinkOpensTest {

    static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");
    /**
     * The paths of links sent later in a school's year: make_up_invite and make_up_offer, booking_cancelled and
     * booking_moved, card_expiring and hold_expiring, hold_expired (the school's page), the waitlist.
     */
    static final List<String> LATER_FAMILY_LINKS = List.of("/parent/makeups", "/parent", "/parent/payment-method", "/",
            "/parent/waitlist");
    /** Where new_student, student_left, absence_reported and booking_moved take a teacher. */
    static final List<String> TEACHER_LINKS = List.of("/teacher");
    /** Where admin alerts point (hold expiry and payment failures, dead letters, an enrollment ended unpaid). */
    static final List<String> ADMIN_ALERT_LINKS = List.of("/admin/dashboard", "/admin/dead-letters", "/admin/enrollments");

    @Autowired Api api;
    @Autowired TestSchools schools;
    @Autowired DatabaseOwner owner;
    @LocalServerPort int port;

    @Test
    void atASchoolOnItsSubdomain() {
        TestSchool school = schools.create();
        String base = "http://" + school.slug() + ".cedar.test:" + port;
        everyLinkOpens(school, base, base);
    }

    /**
     * This suite's deployment names schools by subdomain, so the emails carry those addresses; the same paths must
     * open under the school's prefix on the deployment's own host, where a deployment without a base domain puts it
     * (that rule of the link builder is {@code SchoolAddressRulesTest}'s).
     */
    @Test
    void atASchoolUnderItsPathPrefix() {
        TestSchool school = schools.create();
        everyLinkOpens(school, "http://localhost:" + port + "/s/" + school.slug(),
                "http://" + school.slug() + ".cedar.test:" + port);
    }

    @Test
    void atASchoolOnItsOwnDomain() {
        TestSchool school = schools.create();
        String domain = "lessons-" + school.slug() + ".example.test";
        owner.jdbc().sql("update schools set custom_domain = :d where id = :s").param("d", domain).param("s", school.id())
                .update();
        String base = "http://" + domain + ":" + port;
        everyLinkOpens(school, base, base);
    }

    /**
     * @param base    where the browser opens the school
     * @param emailed where the school's emails say it is
     */
    private void everyLinkOpens(TestSchool school, String base, String emailed) {
        LocalDate today = LocalDate.now(ZoneId.of("America/Vancouver"));
        owner.jdbc().sql("insert into semesters (school_id, name, start_date, end_date) values (:s, 'Term', :a, :b)")
                .param("s", school.id()).param("a", today.minusDays(10)).param("b", today.plusDays(80)).update();
        UUID piano = school.instrument("piano");
        UUID slot = school.slot(school.teacher("Ada Keys", true, piano), 2, "16:00");
        String parent = "family@" + school.slug() + ".test";
        String colleague = "colleague@" + school.slug() + ".test";
        Session admin = school.admin(api);

        Browser browser = Browser.at(base).signOut().open("/sign-up");
        browser.type("#name", "Pat Parent").type("#email", parent).type("#password", TestSchool.PASSWORD)
                .click("main button[type=submit]").waitForPath("/verify-email/sent");
        browser.open(path(emailed, Mailbox.latest(parent, "/verify-email").link("/verify-email?token=")))
                .submit("main form button").waitForPath("/parent");
        Session family = api.as(school.login(api, parent));
        String kid = family.post("/api/v1/parent/students", """
                {"name": "Kid", "birth_date": "%s", "instrument_id": "%s", "consent_policy_accepted": true}"""
                .formatted(today.minusYears(9), piano)).text("id");
        assertThat(family.post("/api/v1/parent/bookings", """
                {"student_id": "%s", "timeslot_id": "%s", "billing_plan": "monthly"}""".formatted(kid, slot)).status())
                .isEqualTo(202);
        Mailbox.latest(parent, "/parent/payment-method");
        assertThat(admin.post("/api/v1/admin/invitations", "{\"email\": \"%s\", \"role\": \"admin\"}".formatted(colleague))
                .status()).isEqualTo(201);
        browser.signOut().open("/forgot-password").type("#email", parent).click("main button[type=submit]");
        Mailbox.latest(parent, "/reset-password");

        List<String> familyLinks = links(parent);
        assertThat(familyLinks).as("welcome, verification, add a card, reset, and every footer's privacy notice")
                .anyMatch(link -> link.contains("/verify-email?token=")).anyMatch(link -> link.endsWith("/parent"))
                .anyMatch(link -> link.equals(emailed + "/privacy"))
                .anyMatch(link -> link.endsWith("/parent/payment-method")).anyMatch(link -> link.contains("/reset-password?token="));
        assertThat(familyLinks).allSatisfy(link -> assertThat(link).startsWith(emailed + "/"));
        browser.signOut().signIn(parent, TestSchool.PASSWORD);
        familyLinks.forEach(link -> opensAPageOf(school, browser, emailed, link));

        // the other emails' links, which these flows do not send: a make-up credit's (the family's), an admin alert's
        for (String later : LATER_FAMILY_LINKS) {
            opensAPageOf(school, browser, emailed, emailed + later);
        }

        List<String> colleagueLinks = links(colleague);
        assertThat(colleagueLinks).as("the invitation, and the footer's privacy notice").hasSize(2)
                .anyMatch(link -> link.startsWith(emailed + "/accept-invitation?token="))
                .contains(emailed + "/privacy");
        browser.signOut();
        colleagueLinks.forEach(link -> opensAPageOf(school, browser, emailed, link));

        browser.signIn(adminEmail(school), TestSchool.PASSWORD);
        for (String alert : ADMIN_ALERT_LINKS) {
            opensAPageOf(school, browser, emailed, emailed + alert);
        }

        String teacher = "ada.keys@" + school.slug() + ".test";
        school.signUp(api, teacher);
        browser.signOut().signIn(teacher, TestSchool.PASSWORD);
        for (String link : TEACHER_LINKS) {
            opensAPageOf(school, browser, emailed, emailed + link);
        }
    }

    private String adminEmail(TestSchool school) {
        return owner.jdbc().sql("select email from school_admin_emails where school_id = :s order by email limit 1")
                .param("s", school.id()).query(String.class).single();
    }

    /** The link's own page, for the signed-in recipient: not a sign-in page instead, not another school's. */
    private static void opensAPageOf(TestSchool school, Browser browser, String emailed, String link) {
        String path = path(emailed, link);
        browser.open(path);
        assertThat(browser.path()).as(link).startsWith(path.replaceFirst("\\?.*", ""));
        assertThat(browser.title()).as(link).doesNotContain("not found").doesNotContain("went wrong");
        assertThat(browser.pageText()).as(link).contains("School " + school.slug());
    }

    /** Every link of every email the recipient has had. */
    private static List<String> links(String recipient) {
        List<String> links = new ArrayList<>();
        for (Mailbox.Mail mail : Mailbox.all(recipient)) {
            Matcher found = LINK.matcher(mail.text());
            while (found.find()) {
                links.add(found.group());
            }
        }
        return links;
    }

    private static String path(String base, String link) {
        return link.substring(base.length());
    }
}
