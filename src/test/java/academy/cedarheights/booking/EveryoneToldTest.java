package academy.cedarheights.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import academy.cedarheights.platform.tenancy.TenantContext;
import academy.cedarheights.support.Api;
import academy.cedarheights.support.Api.Session;
import academy.cedarheights.support.DatabaseOwner;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.Mailbox;
import academy.cedarheights.support.Mailbox.Mail;
import academy.cedarheights.support.TestSchool;
import academy.cedarheights.support.TestSchools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Everyone who should hear of a change to an enrollment reads it, and nobody else: the teacher of a new, leaving or
 * absent pupil; the family of lessons it did not end itself, and of a hold about to run out or run out; the school of
 * a family that cancels. Each email is read as its recipient reads it.
 */
@IntegrationTest
class EveryoneToldTest {

    static final ZoneId VANCOUVER = ZoneId.of("America/Vancouver");
    static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("EEEE, MMMM d, uuuu", Locale.CANADA);

    @Autowired Api api;
    @Autowired TestSchools schools;
    @Autowired DatabaseOwner owner;
    @Autowired HoldExpiry expiry;
    @Autowired TransactionTemplate transaction;
    @LocalServerPort int port;

    TestSchool school;
    Session admin;
    String adminEmail;
    String teacherEmail;
    String parentEmail;
    Session parent;
    UUID piano;
    UUID slot;
    LocalDate firstLesson;
    String weekdays;

    @BeforeEach
    void aSchoolInTermWithATeacherAndAFamily() {
        school = schools.create();
        LocalDate today = LocalDate.now(VANCOUVER);
        school.inTerm(today);
        piano = school.instrument("Piano");
        UUID teacher = school.teacher("Ada Keys", true, piano);
        teacherEmail = "ada.keys@" + school.slug() + ".test";
        firstLesson = today.plusDays(3);
        slot = school.slot(teacher, firstLesson.getDayOfWeek().getValue(), "16:00");
        String day = firstLesson.getDayOfWeek().toString();
        weekdays = day.charAt(0) + day.substring(1).toLowerCase() + "s at 4:00 p.m.";
        admin = school.admin(api);
        adminEmail = owner.jdbc().sql("select email::text from school_admin_emails where school_id = :s")
                .param("s", school.id()).query(String.class).single();
        parentEmail = "pat@" + school.slug() + ".test";
        parent = api.as(school.signUp(api, parentEmail));
    }

    @Test
    void theTeacherHearsOfANewStudentAndTheSchoolAndTeacherOfAFamilysCancelButNotTheFamily() {
        String tracking = bookAndActivate("Kid");

        Mail welcome = Mailbox.latest(teacherEmail, "Kid");
        assertThat(welcome.subject()).isEqualTo("New student: Kid, " + weekdays);
        assertThat(welcome.text()).contains("Kid (Piano) is booked with you " + weekdays)
                .contains("The first lesson is on " + firstLesson.format(LONG_DATE))
                .contains(base() + "/teacher");

        assertThat(parent.post("/api/v1/parent/bookings/" + tracking + "/cancel", "").status()).isEqualTo(200);

        Mail alert = Mailbox.latest(adminEmail, "cancelled");
        assertThat(alert.subject()).isEqualTo("Kid's family cancelled their lessons");
        assertThat(alert.text()).contains("Kid's weekly lessons with Ada Keys").contains(base() + "/admin/enrollments");
        Mail left = Mailbox.latest(teacherEmail, "have ended");
        assertThat(left.subject()).isEqualTo("Kid no longer has lessons with you " + weekdays);
        assertThat(left.text()).as("a family's reasons are not the teacher's").doesNotContain("cancelled by the family");
        assertThat(templatesTo(parentEmail)).as("the family did it; it is not told what it did")
                .doesNotContain("booking_cancelled");
    }

    @Test
    void aCancelByTheSchoolTellsTheFamilyWhyAndTheTeacher() {
        String tracking = bookAndActivate("Kid");
        UUID enrollment = enrollmentOf(tracking);

        assertThat(admin.post("/api/v1/admin/enrollments/" + enrollment + "/cancel",
                "{\"reason\": \"the teacher is leaving the school\"}").status()).isEqualTo(200);

        Mail ended = Mailbox.latest(parentEmail, "has ended");
        assertThat(ended.subject()).isEqualTo("Kid's lessons with Ada Keys have ended");
        assertThat(ended.text()).contains("Kid's weekly lesson with Ada Keys, " + weekdays + ", has ended: the teacher "
                + "is leaving the school").contains(base() + "/parent");
        assertThat(Mailbox.latest(teacherEmail, "have ended").subject()).startsWith("Kid no longer has lessons");
        assertThat(templatesTo(adminEmail)).as("the school did it").doesNotContain("admin_alert");
    }

    @Test
    void aHoldIsAnnouncedTwoDaysBeforeItRunsOutOnceAndItsFamilyHearsWhenItDid() {
        String tracking = book("Kid");
        UUID hold = enrollmentOf(tracking);
        owner.jdbc().sql("""
                        update enrollments set created_at = now() - interval '12 days',
                               provisional_expires_at = now() + interval '1 day 23 hours' where id = :id""")
                .param("id", hold).update();
        UUID shortHold = enrollmentOf(bookOther("Sib"));
        owner.jdbc().sql("""
                        update enrollments set created_at = now() - interval '1 hour',
                               provisional_expires_at = now() + interval '1 day' where id = :id""")
                .param("id", shortHold).update();

        assertThat(sweep()).as("the long hold only: the short one was asked for a card when it was booked").isEqualTo(1);
        assertThat(sweep()).as("once").isZero();

        Mail expiring = Mailbox.latest(parentEmail, "Kid", "hold ends");
        assertThat(expiring.subject()).isEqualTo("Two days left to keep Kid's lesson slot");
        assertThat(expiring.text()).contains(weekdays).contains("PST").contains(base() + "/parent/payment-method");

        owner.jdbc().sql("update enrollments set provisional_expires_at = now() - interval '1 minute' where id = :id")
                .param("id", hold).update();
        TenantContext.runAs(school.id(), () -> transaction.executeWithoutResult(status -> expiry.expire(school.id())));

        Mail expired = Mailbox.latest(parentEmail, "no longer held");
        assertThat(expired.subject()).isEqualTo("Kid's lesson slot is no longer held");
        assertThat(expired.text()).contains(weekdays).contains("no payment method on file")
                .contains("nothing was charged").contains(base() + "/");
        assertThat(templatesTo(teacherEmail)).as("never the teacher's pupil").isEmpty();
    }

    @Test
    void theTeacherHearsOfAReportedAbsenceOnce() {
        String tracking = bookAndActivate("Kid");
        String report = "{\"enrollment_id\": \"%s\", \"date\": \"%s\"}".formatted(enrollmentOf(tracking), firstLesson);

        assertThat(parent.post("/api/v1/parent/absences", report).status()).isEqualTo(201);
        assertThat(parent.post("/api/v1/parent/absences", report).status()).isEqualTo(201);

        Mail absence = Mailbox.latest(teacherEmail, "will miss");
        assertThat(absence.subject()).isEqualTo("Kid will miss the lesson on " + firstLesson.format(LONG_DATE));
        assertThat(absence.text()).contains(firstLesson.format(LONG_DATE) + " at 4:00 p.m.").contains(base() + "/teacher");
        assertThat(templatesTo(teacherEmail)).filteredOn("absence_reported"::equals).hasSize(1);
    }

    private int sweep() {
        return TenantContext.callAs(school.id(), () -> transaction.execute(status -> expiry.warn(school.id())));
    }

    private String book(String child) {
        return book(child, slot);
    }

    private String bookOther(String child) {
        UUID other = school.slot(school.teacher("Ben Bass", true, piano), firstLesson.getDayOfWeek().getValue(), "17:00");
        return book(child, other);
    }

    private String book(String child, UUID timeslot) {
        String student = parent.post("/api/v1/parent/students", """
                {"name": "%s", "birth_date": "%s", "instrument_id": "%s", "consent_policy_accepted": true}"""
                .formatted(child, firstLesson.minusYears(9), piano)).text("id");
        var booked = parent.post("/api/v1/parent/bookings", """
                {"student_id": "%s", "timeslot_id": "%s", "billing_plan": "monthly"}""".formatted(student, timeslot));
        assertThat(booked.status()).as(booked.toString()).isEqualTo(202);
        return booked.text("tracking_id");
    }

    /** Booked by the family, activated by the school (the family pays it in person). */
    private String bookAndActivate(String child) {
        String tracking = book(child);
        assertThat(admin.post("/api/v1/admin/enrollments/" + enrollmentOf(tracking) + "/activate", "").status())
                .isEqualTo(200);
        return tracking;
    }

    private UUID enrollmentOf(String tracking) {
        return owner.jdbc().sql("select id from enrollments where tracking_id = cast(:t as uuid)").param("t", tracking)
                .query(UUID.class).single();
    }

    private List<String> templatesTo(String recipient) {
        return owner.jdbc().sql("select template from email_log where school_id = :s and recipient = :r order by created_at")
                .param("s", school.id()).param("r", recipient).query(String.class).list();
    }

    private String base() {
        return "http://" + school.slug() + ".cedar.test:" + port;
    }
}
