package academy.cedarheights.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;

import academy.cedarheights.support.Api;
import academy.cedarheights.support.Api.Answer;
import academy.cedarheights.support.Api.Session;
import academy.cedarheights.support.Browser;
import academy.cedarheights.support.DatabaseOwner;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.TestSchool;
import academy.cedarheights.support.TestSchools;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The reports in Chromium: the chart says in words what it draws, the table adds up, the CSV is the table's. */
@IntegrationTest
class ReportPagesTest {

    @Autowired Api api;
    @Autowired TestSchools schools;
    @Autowired DatabaseOwner owner;
    @LocalServerPort int port;

    @Test
    void theOwnerReadsTeacherPayInAChartAndATableAndDownloadsItsCsv() {
        TestSchool school = schools.create();
        LocalDate today = LocalDate.now(ZoneId.of("America/Vancouver"));
        LocalDate monday = today.with(TemporalAdjusters.previous(DayOfWeek.MONDAY));
        school.inTerm(today.minusDays(30));
        UUID piano = school.instrument("piano");
        UUID ada = school.teacher("Ada Keys", true, piano);
        school.teacher("Bo Strings", true, piano);
        owner.jdbc().sql("update teachers set pay_per_lesson_cents = 4250 where id = :ada").param("ada", ada).update();
        UUID kid = school.student(school.payee("Pat Doe"), "Kid Doe", piano);
        UUID lessons = owner.jdbc().sql("""
                        insert into enrollments (school_id, student_id, timeslot_id, billing_plan, status, start_date)
                        values (:s, :kid, :slot, 'monthly', 'active', :start) returning id""")
                .param("s", school.id()).param("kid", kid).param("slot", school.slot(ada, 1, "16:00"))
                .param("start", monday.minusWeeks(2)).query(UUID.class).single();
        Session api = school.admin(this.api);
        for (LocalDate day = monday.minusWeeks(2); !day.isAfter(monday); day = day.plusWeeks(1)) {
            assertThat(api.put("/api/v1/admin/attendance", """
                    {"enrollment_id": "%s", "date": "%s", "status": "present"}""".formatted(lessons, day)).status())
                    .isEqualTo(200);
        }
        String admin = "owner@" + school.slug() + ".test";
        school.allowAdmin(admin);
        school.signUp(this.api, admin);
        Browser browser = Browser.at(school, port).signOut().signIn(admin, "correct horse battery");
        String days = "?from=" + monday.minusWeeks(2) + "&to=" + monday;

        browser.open("/admin/reports/payroll" + days);

        assertThat(browser.find("#report-chart title").getAttribute("textContent")).isEqualTo("Teacher pay, " + monday.minusWeeks(2) + " to " + monday);
        assertThat(browser.all("#report-chart rect title").stream().map(bar -> bar.getAttribute("textContent")))
                .contains("Ada Keys, Pay: $127.50", "Bo Strings, Pay: $0.00");
        assertThat(browser.text("#payroll tbody")).contains("Ada Keys 3 0 $42.50 $127.50");
        assertThat(browser.text("#payroll tfoot")).contains("$127.50");
        browser.accessible().screenshots("admin-reports-payroll");
        URI download = URI.create(browser.find("a[download]").getAttribute("href"));
        Answer csv = this.api.get(download.getRawPath() + "?" + download.getRawQuery(),
                "Cookie", "cedar_session=" + browser.cookie("cedar_session"));
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body()).contains(ada + ",Ada Keys,3,0,42.50,127.50,CAD");

        browser.clickText("Attendance");
        assertThat(browser.text("#attendance tbody")).contains("Ada Keys Kid Doe 3 0 0 0");
        browser.accessible();
        browser.clickText("Revenue").waitForText("body", "Nothing was charged or paid in these days.");
        browser.accessible();

        browser.open("/admin/reports/payroll?from=" + monday + "&to=" + monday.minusDays(1));
        assertThat(browser.text("main .field-error")).contains("The last day must be on or after the first");
        assertThat(browser.find("#from").getAttribute("value")).as("the month so far instead")
                .isEqualTo(today.withDayOfMonth(1).toString());
    }
}
