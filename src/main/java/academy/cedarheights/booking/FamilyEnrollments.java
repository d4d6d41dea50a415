package academy.cedarheights.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import academy.cedarheights.families.FamilyRecords;
import academy.cedarheights.schools.BillingPlan;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The family's enrollments, past and present, for their data export. */
@Component
class FamilyEnrollments implements FamilyRecords {

    private final JdbcClient jdbc;

    FamilyEnrollments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record EnrollmentOnRecord(UUID id, UUID studentId, UUID timeslotId, BillingPlan billingPlan, EnrollmentStatus status,
                              LocalDate startDate, Instant provisionalExpiresAt, String failureReason,
                              Instant createdAt, Instant activatedAt, Instant endedAt) {
    }

    @Override
    public String section() {
        return "enrollments";
    }

    @Override
    public List<EnrollmentOnRecord> collect(UUID schoolId, UUID payeeId, String payeeEmail) {
        return jdbc.sql("""
                        select e.id, e.student_id, e.timeslot_id, e.billing_plan, e.status, e.start_date,
                               e.provisional_expires_at, e.failure_reason, e.created_at, e.activated_at, e.ended_at
                          from enrollments e join students s on s.school_id = e.school_id and s.id = e.student_id
                         where e.school_id = :school and s.payee_id = :payee order by e.created_at, e.id""")
                .param("school", schoolId).param("payee", payeeId)
                .query(EnrollmentOnRecord.class).list();
    }
}
