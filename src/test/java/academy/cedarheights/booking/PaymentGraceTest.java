package academy.cedarheights.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import academy.cedarheights.platform.tenancy.TenantContext;
import academy.cedarheights.support.DatabaseOwner;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.Mailbox;
import academy.cedarheights.support.TestSchool;
import academy.cedarheights.support.TestSchools;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** An active enrollment whose payment failed keeps its slot for the school's grace period, and not a minute longer. */
@IntegrationTest
class PaymentGraceTest {

    @Autowired PaymentProblems problems;
    @Autowired TransactionTemplate transaction;
    @Autowired TestSchools schools;
    @Autowired DatabaseOwner owner;

    @Test
    void pastTheSchoolsGracePeriodAnUnpaidEnrollmentEndsAndTheFamilyIsToldWhy() {
        TestSchool school = schools.create();
        owner.jdbc().sql("update schools set payment_grace_days = 10 where id = :s").param("s", school.id()).update();
        UUID piano = school.instrument("piano");
        UUID teacher = school.teacher("Ada Keys", true, piano);
        UUID payee = owner.jdbc().sql("insert into payees (school_id, name, email) values (:s, 'Pat Doe', :e) returning id")
                .param("s", school.id()).param("e", "grace@" + school.slug() + ".test").query(UUID.class).single();
        UUID late = enrollment(school, school.student(payee, "Kid", piano), school.slot(teacher, 2, "16:00"),
                "10 days 1 minute");
        UUID recent = enrollment(school, school.student(payee, "Sib", piano), school.slot(teacher, 3, "17:00"), "9 days");

        int ended = TenantContext.callAs(school.id(), () -> transaction.execute(status -> problems.endOverdue(school.id())));

        assertThat(ended).isEqualTo(1);
        assertThat(status(late)).isEqualTo("cancelled");
        assertThat(status(recent)).as("still within its grace").isEqualTo("active");
        assertThat(Mailbox.latest("grace@" + school.slug() + ".test", "has ended").text())
                .contains("Kid's weekly lesson with Ada Keys, Tuesdays at 4:00 p.m., has ended: its payments have not "
                        + "gone through for 10 days");
        int again = TenantContext.callAs(school.id(), () -> transaction.execute(status -> problems.endOverdue(school.id())));
        assertThat(again).as("once").isZero();
    }

    private UUID enrollment(TestSchool school, UUID student, UUID slot, String problemAge) {
        return owner.jdbc().sql("""
                        insert into enrollments (school_id, student_id, timeslot_id, billing_plan, status, start_date,
                                                 stripe_subscription_id, payment_problem_since, payment_problem)
                        values (:s, :student, :slot, 'monthly', 'active', current_date, :sub,
                                now() - cast(:age as interval), 'a payment of 150.00 CAD did not go through') returning id""")
                .param("s", school.id()).param("student", student).param("slot", slot).param("age", problemAge)
                .param("sub", "sub_" + UUID.randomUUID()).query(UUID.class).single();
    }

    private String status(UUID enrollment) {
        return owner.jdbc().sql("select status from enrollments where id = :id").param("id", enrollment)
                .query(String.class).single();
    }
}
