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
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The week calendar in Chromium: each day's lessons with their state, holds and free slots, a closed day with its
 * reason; a lesson opens to be marked, a free slot to be assigned; on a phone the days are one list.
 */
@IntegrationTest
class CalendarPagesTest {

    @Autowired Api api;
    @Autowired TestSchools schools;
    @Autowired DatabaseOwner owner;
    @LocalServerPort int port;

    @Test
    void theOwnerSeesTheWeekMarksALessonFromItAndAssignsAFreeSlot() {
        TestSchool school = schools.create();
        LocalDate today = LocalDate.now(ZoneId.of("America/Vancouver"));
        LocalDate monday = today.with(TemporalAdjusters.previous(DayOfWeek.MONDAY));
        school.inTerm(today);
        UUID piano = school.instrument("piano");
        UUID ada = school.teacher("Ada Keys", true, piano);
        UUID bo = school.teacher("Bo Strings", true, piano);
        UUID studioA = school.room("Studio A");
        UUID kid = school.student(school.payee("Pat Doe"), "Kid Doe", piano);
        owner.jdbc().sql("""
                        insert into enrollments (school_id, student_id, timeslot_id, billing_plan, status, start_date)
                        values (:s, :kid, :slot, 'monthly', 'active', :start)""")
                .param("s", school.id()).param("kid", kid).param("slot", school.slot(ada, 1, "16:00", studioA, true))
                .param("start", monday.minusWeeks(1)).update();
        school.slot(ada, 1, "16:30", studioA, true);
        UUID ivy = school.student(school.payee("Ivy Ash"), "Ivy Ash", piano);
        owner.jdbc().sql("""
                        insert into enrollments (school_id, student_id, timeslot_id, billing_plan, status, start_date,
                                                 provisional_expires_at)
                        values (:s, :ivy, :slot, 'monthly', 'provisional', :start, now() + interval '1 day')""")
                .param("s", school.id()).param("ivy", ivy).param("slot", school.slot(bo, 2, "17:00"))
                .param("start", monday).update();
        school.slot(ada, 3, "16:00", studioA, true);
        owner.jdbc().sql("""
                        insert into closures (school_id, semester_id, start_date, end_date, reason)
                        select school_id, id, :day, :day, 'Staff training' from semesters where school_id = :s""")
                .param("s", school.id()).param("day", monday.plusDays(2)).update();
        String admin = "owner@" + school.slug() + ".test";
        school.allowAdmin(admin);
        school.signUp(api, admin);
        Browser browser = Browser.at(school, port).signOut().signIn(admin, TestSchool.PASSWORD);

        browser.open("/admin/calendar?date=" + monday.plusDays(3));

        assertThat(browser.text("h1")).contains("Week of");
        assertThat(browser.text("#day-" + monday)).contains("16:00 Kid Doe\nAda Keys · Studio A\nbooked")
                .as("the whole school's free slots are counted, not listed")
                .contains("1 free slot: choose a teacher to see them and assign one.");
        assertThat(browser.text("#day-" + monday.plusDays(1))).contains("17:00 Ivy Ash\nBo Strings\nprovisional");
        assertThat(browser.text("#day-" + monday.plusDays(2))).contains("Staff training").doesNotContain("16:00");
        browser.accessible().screenshots("admin-calendar");

        browser.phone();
        WebElement first = browser.find("#day-" + monday);
        WebElement second = browser.find("#day-" + monday.plusDays(1));
        assertThat(second.getRect().getY()).as("a day list on a phone")
                .isGreaterThanOrEqualTo(first.getRect().getY() + first.getRect().getHeight());
        browser.open("/admin/calendar?date=" + monday);

        browser.clickText("Kid Doe");
        assertThat(browser.text("h1")).startsWith("Kid Doe, Monday");
        browser.click("button[aria-label='Kid Doe: present']");
        browser.waitForText("main table", "present");
        browser.accessible();
        browser.clickText("Back to the week");
        assertThat(browser.text("#day-" + monday)).contains("16:00 Kid Doe\nAda Keys · Studio A\npresent");

        browser.open("/admin/calendar?date=" + monday + "&teacher=" + bo);
        assertThat(browser.text("#day-" + monday)).doesNotContain("Kid Doe").doesNotContain("Ada Keys");
        assertThat(browser.text("#day-" + monday.plusDays(1))).contains("Ivy Ash");
        browser.open("/admin/calendar?date=" + monday + "&room=" + studioA);
        assertThat(browser.text("#day-" + monday.plusDays(1))).doesNotContain("Ivy Ash");

        browser.open("/admin/calendar?date=" + monday + "&teacher=" + ada);
        assertThat(browser.text("#day-" + monday)).contains("16:30 Free: assign\nAda Keys · Studio A\nfree");
        browser.click("#day-" + monday + " a[aria-label^='Assign a pupil to Ada Keys']");
        browser.type("#pupil", "kid").submit("main form[role=search] button");
        assertThat(browser.find("#timeslot_id option:checked").getText()).as("the slot stays chosen while the pupil is found")
                .isEqualTo("Monday 16:30, Ada Keys");
        assertThat(browser.find("#student_id option:checked").getText()).isEqualTo("Kid Doe");

        owner.jdbc().sql("update students set name = 'Kid <b>Doe</b>' where id = :kid").param("kid", kid).update();
        browser.open("/admin/calendar?date=" + monday);
        assertThat(browser.text("#day-" + monday)).as("a name is text, never markup").contains("Kid <b>Doe</b>");
        assertThat(browser.all("#day-" + monday + " b")).isEmpty();
        owner.jdbc().sql("update students set name = 'Kid Doe' where id = :kid").param("kid", kid).update();

        browser.open("/admin?date=" + monday);
        assertThat(browser.text("h1")).doesNotStartWith("Today").contains(
                monday.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.CANADA));
        assertThat(browser.text("main table")).contains("Kid Doe").contains("present");
    }
}
