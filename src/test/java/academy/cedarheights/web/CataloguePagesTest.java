package academy.cedarheights.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;

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

/** The catalogue in Chromium: a closure previewed then saved, a semester renamed, a slot moved and given a room. */
@IntegrationTest
class CataloguePagesTest {

    @Autowired Api api;
    @Autowired TestSchools schools;
    @Autowired DatabaseOwner owner;
    @LocalServerPort int port;

    TestSchool school;
    Browser browser;
    UUID ada;
    UUID heldSlot;
    LocalDate monday;

    @BeforeEach
    void aSchoolWithAPupilOnMondays() {
        school = schools.create();
        LocalDate today = LocalDate.now(ZoneId.of("America/Vancouver"));
        monday = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        school.inTerm(today);
        UUID piano = school.instrument("piano");
        ada = school.teacher("Ada Keys", true, piano);
        school.room("Studio A");
        heldSlot = school.slot(ada, 1, "16:00");
        school.activeEnrollment(school.student(school.payee("Pat Doe"), "Zed Doe", piano), heldSlot);
        school.slot(ada, 3, "15:00");
        String admin = "owner@" + school.slug() + ".test";
        school.allowAdmin(admin);
        school.signUp(api, admin);
        browser = Browser.at(school, port).signOut().signIn(admin, TestSchool.PASSWORD);
    }

    @Test
    void aClosureIsPreviewedThenSavedAndASemesterRenamed() {
        browser.open("/admin/semesters");
        browser.set("input[name=closure_start]", monday.toString()).type("input[name=reason]", "Snow day")
                .submit("main form[action$='/closures/preview'] button");

        assertThat(browser.text("#effect")).isEqualTo("Closing " + monday.getDayOfWeek().getDisplayName(
                java.time.format.TextStyle.FULL, java.util.Locale.CANADA) + " " + monday.getDayOfMonth() + " "
                + monday.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.CANADA) + " "
                + monday.getYear() + " (Snow day) cancels 1 lesson(s) of 1 family; 0 make-up credit(s) granted.");
        browser.accessible();
        assertThat(count("closures")).as("nothing saved by the preview").isZero();
        browser.clickText("Close the school on these days");
        browser.waitForText("main [role=status]", "1 lesson(s) cancelled");
        assertThat(browser.pageText()).contains(monday + ": Snow day");

        browser.click("main details summary").type("main details input[name=name]", "Winter term")
                .submit("main details form[action$='" + owner.jdbc().sql("select id from semesters where school_id = :s")
                        .param("s", school.id()).query(UUID.class).single() + "'] button");
        browser.waitForText("main [role=status]", "Saved.");
        assertThat(browser.pageText()).contains("Winter term");
    }

    @Test
    void aFreeSlotMovesAndGetsARoomWhileAHeldOneKeepsItsTime() {
        browser.open("/admin/timetable?teacher=" + ada).click("a[aria-label='Edit Wednesday 15:00']");
        browser.set("#start_time", "15:30").choose("#room_id", "Studio A").submit("main form button[type=submit]");
        browser.waitForPath("/admin/timetable");
        assertThat(owner.jdbc().sql("select start_time::text || ' ' || r.name from timeslots t join rooms r on r.id = t.room_id"
                        + " where t.school_id = :s and t.weekday = 3")
                .param("s", school.id()).query(String.class).single()).isEqualTo("15:30:00 Studio A");

        browser.open("/admin/timetable/" + heldSlot + "/edit");
        browser.accessible();
        browser.set("#start_time", "17:00").submit("main form button[type=submit]");
        assertThat(browser.text("main .field-error")).contains("move the pupil to another slot first");
        browser.set("#start_time", "16:00").choose("#room_id", "Studio A").submit("main form button[type=submit]");
        browser.waitForPath("/admin/timetable");
        assertThat(owner.jdbc().sql("select r.name from timeslots t join rooms r on r.id = t.room_id where t.id = :t")
                .param("t", heldSlot).query(String.class).single()).isEqualTo("Studio A");
    }

    private long count(String table) {
        return owner.jdbc().sql("select count(*) from " + table + " where school_id = :s").param("s", school.id())
                .query(Long.class).single();
    }
}
