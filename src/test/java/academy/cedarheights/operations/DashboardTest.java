package academy.cedarheights.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import academy.cedarheights.support.Api;
import academy.cedarheights.support.Api.Session;
import academy.cedarheights.support.DatabaseOwner;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.TestSchool;
import academy.cedarheights.support.TestSchools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class DashboardTest {

    static final ZoneId VANCOUVER = ZoneId.of("America/Vancouver");

    @Autowired Api api;
    @Autowired TestSchools schools;
    @Autowired DatabaseOwner owner;

    TestSchool school;
    Session admin;
    LocalDate today;

    @BeforeEach
    void aSchool() {
        school = schools.create();
        admin = school.admin(api);
        today = LocalDate.now(VANCOUVER);
    }

    @Test
    void anEmptySchoolHasAnEmptyDashboard() {
        JsonNode todays = admin.get("/api/v1/admin/dashboard/today").json();

        assertThat(todays.path("date").asString()).isEqualTo(today.toString());
        assertThat(todays.path("lessons")).isEmpty();
        assertThat(admin.get("/api/v1/admin/dashboard/provisionals").json()).isEmpty();
        assertThat(admin.get("/api/v1/admin/dashboard/payments").json()).isEmpty();
    }

    @Test
    void aMonthOfDataShowsTodayHoldsAndPaymentsInOrder() {
        owner.jdbc().sql("insert into semesters (school_id, name, start_date, end_date) values (:s, 'Term', :a, :b)")
                .param("s", school.id()).param("a", today.minusDays(40)).param("b", today.plusDays(60)).update();
        UUID piano = school.instrument("piano");
        UUID ada = school.teacher("Ada Keys", true, piano);
        UUID bo = school.teacher("Bo Strings", true, piano);
        int weekday = today.getDayOfWeek().getValue();
        UUID late = enroll(school.slot(ada, weekday, "17:00"), "Late Kid", "active", 0);
        UUID early = enroll(school.slot(bo, weekday, "15:30"), "Early Kid", "active", 0);
        enroll(school.slot(ada, weekday % 7 + 1, "15:00"), "Tomorrow Kid", "active", 0);
        owner.jdbc().sql("""
                        insert into attendance (school_id, enrollment_id, lesson_date, status, marked_by)
                        values (:s, :e, :d, 'present', 'admin@school.test')""")
                .param("s", school.id()).param("e", early).param("d", today).update();
        UUID oldHold = enroll(school.slot(bo, weekday % 7 + 1, "16:00"), "Old Hold", "provisional", 9);
        UUID newHold = enroll(school.slot(bo, weekday % 7 + 1, "16:30"), "New Hold", "provisional", 1);
        UUID payee = owner.jdbc().sql("select payee_id from students where school_id = :s limit 1").param("s", school.id())
                .query(UUID.class).single();
        for (int day = 30; day >= 0; day -= 3) {
            owner.jdbc().sql("""
                            insert into payments (school_id, payee_id, stripe_invoice_id, amount_cents, currency, status, occurred_at)
                            values (:s, :p, :invoice, 14000, 'CAD', :status, now() - make_interval(days => :day))""")
                    .param("s", school.id()).param("p", payee).param("invoice", "in_" + day)
                    .param("status", day == 6 ? "failed" : "paid").param("day", day).update();
        }

        JsonNode lessons = admin.get("/api/v1/admin/dashboard/today").json().path("lessons");
        assertThat(lessons.findValuesAsString("student")).containsExactly("Early Kid", "Late Kid");
        assertThat(lessons.get(0).path("time").asString()).isEqualTo("15:30");
        assertThat(lessons.get(0).path("attendance").asString()).isEqualTo("present");
        assertThat(lessons.get(1).path("enrollment_id").asString()).isEqualTo(late.toString());

        JsonNode holds = admin.get("/api/v1/admin/dashboard/provisionals").json();
        assertThat(holds.findValuesAsString("enrollment_id")).containsExactly(oldHold.toString(), newHold.toString());
        assertThat(holds.get(0).path("age_days").asLong()).isEqualTo(9);
        assertThat(holds.get(0).path("next_action").asString()).isEqualTo("add_payment_method");

        JsonNode payments = admin.get("/api/v1/admin/dashboard/payments?limit=5").json();
        assertThat(payments.size()).isEqualTo(5);
        assertThat(payments.findValuesAsString("invoice_id")).containsExactly("in_0", "in_3", "in_6", "in_9", "in_12");
        assertThat(payments.get(2).path("status").asString()).isEqualTo("failed");
        assertThat(payments.get(0).path("amount").path("amount").asLong()).isEqualTo(14000);
        assertThat(admin.get("/api/v1/admin/dashboard/payments?limit=0").errorFields()).containsExactly("limit");
    }

    private UUID enroll(UUID slot, String name, String status, int daysAgo) {
        UUID payee = school.payee(name + " Parent");
        UUID student = school.student(payee, name, owner.jdbc().sql("select id from instruments where school_id = :s limit 1")
                .param("s", school.id()).query(UUID.class).single());
        return owner.jdbc().sql("""
                        insert into enrollments (school_id, student_id, timeslot_id, billing_plan, status, start_date,
                                                 provisional_expires_at, created_at)
                        values (:s, :student, :slot, 'monthly', :status, :start,
                                case when :status = 'provisional' then now() + interval '5 days' end,
                                now() - make_interval(days => :ago)) returning id""")
                .param("s", school.id()).param("student", student).param("slot", slot).param("status", status)
                .param("start", today.minusDays(14)).param("ago", daysAgo).query(UUID.class).single();
    }
}
