package academy.cedarheights.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import javax.sql.DataSource;

import academy.cedarheights.notifications.Notifications;
import academy.cedarheights.platform.jobs.JobDefinitions;
import academy.cedarheights.platform.tenancy.TenantContext;
import academy.cedarheights.schools.SchoolSweep;
import academy.cedarheights.support.Api;
import academy.cedarheights.support.DatabaseOwner;
import academy.cedarheights.support.FakeMailjetAndTwilio;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.TestSchool;
import academy.cedarheights.support.TestSchools;
import com.github.kagkarlsson.scheduler.Scheduler;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Each lesson is reminded once of each kind — about a day ahead, and by text shortly before — whatever the number of instances. */
@IntegrationTest
class LessonRemindersTest {

    static final ZoneId VANCOUVER = ZoneId.of("America/Vancouver");

    @Autowired LessonReminders reminders;
    @Autowired TestSchools schools;
    @Autowired DatabaseOwner owner;
    @Autowired DataSource dataSource;
    @Autowired JobDefinitions definitions;
    @Autowired TransactionTemplate transaction;
    @Autowired Scheduler application;
    @Autowired JdbcClient jdbc;
    @Autowired SchoolSweep sweeps;
    @Autowired Notifications notifications;
    @Autowired Api api;

    TestSchool school;
    UUID piano;

    @BeforeEach
    void aSchoolInTerm() {
        school = schools.create();
        piano = school.instrument("piano");
        LocalDate today = LocalDate.now(VANCOUVER);
        owner.jdbc().sql("insert into semesters (school_id, name, start_date, end_date) values (:s, 'Term', :a, :b)")
                .param("s", school.id()).param("a", today.minusDays(30)).param("b", today.plusDays(30)).update();
    }

    @Test
    void twoSchedulerInstancesSendEachReminderExactlyOnce() {
        UUID enrollment = lessonIn(Duration.ofHours(3), "Ada Keys", "pat@families.test", "+1 604 555 0142");
        List<Scheduler> instances = List.of(instance("one"), instance("two"));
        // the application's own instance does not know the test task; paused, it cannot pick (and strand) it
        application.pause();
        instances.forEach(Scheduler::start);
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> reminded(enrollment) == 1);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> emails("pat@families.test") == 1);
        } finally {
            instances.forEach(Scheduler::stop);
            application.resume();
            owner.jdbc().sql("delete from scheduled_tasks where task_name = 'test-lesson-reminders'").update();
        }
        assertThat(texts("+16045550142")).isEqualTo(1);
        String model = owner.jdbc().sql("""
                        select model::text from email_log
                         where school_id = :s and recipient = 'pat@families.test' and template = 'lesson_reminder'""")
                .param("s", school.id()).query(String.class).single();
        assertThat(model).contains("Ada Keys").contains("\"lesson_date\"");
    }

    @Test
    void concurrentRunsClaimEachLessonOnce() throws Exception {
        UUID enrollment = lessonIn(Duration.ofHours(5), "Bo Strings", "sam@families.test", null);
        var pool = Executors.newFixedThreadPool(4);
        List<Callable<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            runs.add(() -> TenantContext.callAs(school.id(), () -> transaction.execute(status -> reminders.remind(school.id()))));
        }
        int total = 0;
        for (var run : pool.invokeAll(runs)) {
            total += run.get();
        }
        pool.shutdown();

        assertThat(total).isEqualTo(1);
        assertThat(reminded(enrollment)).isEqualTo(1);
        assertThat(emails("sam@families.test")).isEqualTo(1);
    }

    @Test
    void lessonsOutsideTheWindowOrOfOptedOutFamiliesGetNoMessage() {
        UUID later = lessonIn(Duration.ofHours(30), "Cy Later", "later@families.test", null);
        UUID optedOut = lessonIn(Duration.ofHours(4), "Di Quiet", "quiet@families.test", "+1 604 555 0177");
        owner.jdbc().sql("""
                        update payees set reminder_emails = false, sms_opt_out = true
                         where school_id = :s and email = 'quiet@families.test'""").param("s", school.id()).update();

        TenantContext.runAs(school.id(), () -> transaction.execute(status -> reminders.remind(school.id())));

        assertThat(reminded(later)).isZero();
        assertThat(reminded(optedOut)).as("claimed, so never retried").isEqualTo(1);
        assertThat(emails("quiet@families.test")).isZero();
        assertThat(texts("+16045550177")).isZero();
    }

    @Test
    void aLessonOnAClosureIsNotReminded() {
        LocalDateTime start = LocalDateTime.now(VANCOUVER).plusHours(6);
        UUID onClosure = lessonAt(start, "Ed Closed", "closed@families.test", null);
        owner.jdbc().sql("""
                        insert into closures (school_id, semester_id, start_date, end_date, reason)
                        select school_id, id, :day, :day, 'Holiday' from semesters where school_id = :s""")
                .param("s", school.id()).param("day", start.toLocalDate()).update();

        TenantContext.runAs(school.id(), () -> transaction.execute(status -> reminders.remind(school.id())));

        assertThat(reminded(onClosure)).isZero();
    }

    @Test
    void withATextShortlyBeforeTheLessonEachOfTheTwoRemindersGoesOnceAndTheTextOnlyToPhonesThatMayHaveIt() {
        UUID soon = lessonIn(Duration.ofMinutes(90), "Fay Soon", "fay@families.test", "+1 604 555 0190");
        UUID noPhone = lessonIn(Duration.ofMinutes(80), "Gil Soon", "gil@families.test", null);
        // twenty hours ahead: inside the day-ahead window, never inside the two hours, whatever the time of the run
        UUID later = lessonIn(Duration.ofHours(20), "Hal Later", "hal@families.test", "+1 604 555 0191");
        LessonReminders twoHoursToo = new LessonReminders(jdbc, sweeps, notifications,
                new ReminderProperties(Duration.ofMinutes(10), Duration.ofHours(24), Duration.ofHours(2)), Clock.systemUTC());

        int first = TenantContext.callAs(school.id(), () -> transaction.execute(status -> twoHoursToo.remind(school.id())));
        int again = TenantContext.callAs(school.id(), () -> transaction.execute(status -> twoHoursToo.remind(school.id())));

        assertThat(first).as("three day-ahead reminders and one text shortly before").isEqualTo(4);
        assertThat(again).isZero();
        assertThat(texts("+16045550190")).as("the day-ahead text and the one shortly before").isEqualTo(2);
        assertThat(owner.jdbc().sql("select body from text_messages where school_id = :s and recipient = :p order by body")
                .param("s", school.id()).param("p", "+16045550190").query(String.class).list())
                .anySatisfy(body -> assertThat(body).startsWith("Soon: Kid of fay@families.test's lesson with Fay Soon starts at"));
        assertThat(texts("+16045550191")).as("twenty hours ahead: the day-ahead one only").isEqualTo(1);
        assertThat(reminded(noPhone)).as("no phone, no text claimed").isEqualTo(1);
        assertThat(reminded(soon)).isEqualTo(2);
        assertThat(reminded(later)).isEqualTo(1);
    }

    @Test
    void aFamilyThatRepliedStopGetsItsReminderByEmailButNoTextUntilItRepliesStart() {
        // a queued text's withholding at delivery is TwilioWebhookTest's; here the family's own switch stops it
        UUID stopped = lessonIn(Duration.ofHours(20), "Ivy Stop", "ivy@families.test", "+1 604 555 0193");
        LessonReminders textsToo = new LessonReminders(jdbc, sweeps, notifications,
                new ReminderProperties(Duration.ofMinutes(10), Duration.ofHours(24), Duration.ofHours(2)), Clock.systemUTC());
        try {
            assertThat(FakeMailjetAndTwilio.inboundText(api, "+16045550193", "STOP", FakeMailjetAndTwilio.TWILIO_TOKEN)
                    .status()).isEqualTo(200);

            TenantContext.runAs(school.id(), () -> transaction.execute(status -> textsToo.remind(school.id())));

            assertThat(reminded(stopped)).isEqualTo(1);
            assertThat(emails("ivy@families.test")).as("the email is not a text: it still goes").isEqualTo(1);
            assertThat(texts("+16045550193")).as("the family's own switch is off now, and its ledger says why").isZero();
            assertThat(owner.jdbc().sql("""
                            select how from consents where school_id = :s and purpose = 'reminder_texts' and not granted""")
                    .param("s", school.id()).query(String.class).list()).containsExactly("text_reply");

            FakeMailjetAndTwilio.inboundText(api, "+16045550193", "START", FakeMailjetAndTwilio.TWILIO_TOKEN);
            UUID next = lessonIn(Duration.ofHours(21), "Ivy Start", "ivy.again@families.test", "+1 604 555 0193");
            TenantContext.runAs(school.id(), () -> transaction.execute(status -> textsToo.remind(school.id())));

            assertThat(reminded(next)).isEqualTo(1);
            await().atMost(Duration.ofSeconds(20)).until(() -> owner.jdbc().sql("""
                            select count(*) from text_messages where school_id = :s and recipient = :p and status = 'sent'""")
                    .param("s", school.id()).param("p", "+16045550193").query(Long.class).single() == 1);
        } finally {
            owner.jdbc().sql("delete from text_opt_outs where phone = '+16045550193'").update();
        }
    }

    private UUID lessonIn(Duration fromNow, String teacherName, String email, String phone) {
        return lessonAt(LocalDateTime.now(VANCOUVER).plus(fromNow), teacherName, email, phone);
    }

    /**
     * An active weekly enrollment whose lesson falls at that local time — or up to half an hour before it, so that the
     * lesson ends on its own day (a slot never crosses midnight; run at 17:40 in Vancouver, "in six hours" would).
     */
    private UUID lessonAt(LocalDateTime start, String teacherName, String email, String phone) {
        LocalDateTime wanted = start.truncatedTo(ChronoUnit.MINUTES);
        LocalDateTime lastStartOfDay = wanted.toLocalDate().atTime(23, 29);
        LocalDateTime minute = wanted.isAfter(lastStartOfDay) ? lastStartOfDay : wanted;
        UUID teacher = school.teacher(teacherName, true, piano);
        UUID slot = owner.jdbc().sql("""
                        insert into timeslots (school_id, teacher_id, weekday, start_time, end_time)
                        values (:s, :t, :weekday, :start, :end) returning id""")
                .param("s", school.id()).param("t", teacher).param("weekday", minute.getDayOfWeek().getValue())
                .param("start", minute.toLocalTime()).param("end", minute.toLocalTime().plusMinutes(30))
                .query(UUID.class).single();
        UUID payee = owner.jdbc().sql("insert into payees (school_id, name, email, phone) values (:s, 'Parent', :e, :p) returning id")
                .param("s", school.id()).param("e", email).param("p", phone).query(UUID.class).single();
        UUID student = school.student(payee, "Kid of " + email, piano);
        return owner.jdbc().sql("""
                        insert into enrollments (school_id, student_id, timeslot_id, billing_plan, status, start_date)
                        values (:s, :student, :slot, 'semester', 'active', :start) returning id""")
                .param("s", school.id()).param("student", student).param("slot", slot)
                .param("start", minute.toLocalDate().minusDays(7)).query(UUID.class).single();
    }

    private Scheduler instance(String name) {
        var task = definitions.recurring("test-lesson-reminders", Duration.ofMillis(300), reminders::remindAll);
        return Scheduler.create(dataSource).startTasks(List.of(task)).schedulerName(() -> name)
                .pollingInterval(Duration.ofMillis(100)).threads(2).build();
    }

    private long reminded(UUID enrollment) {
        return owner.jdbc().sql("select count(*) from lesson_reminders where enrollment_id = :e").param("e", enrollment)
                .query(Long.class).single();
    }

    private long emails(String recipient) {
        return owner.jdbc().sql("""
                        select count(*) from email_log where school_id = :s and recipient = :r and template = 'lesson_reminder'""")
                .param("s", school.id()).param("r", recipient).query(Long.class).single();
    }

    private long texts(String phone) {
        return owner.jdbc().sql("select count(*) from text_messages where school_id = :s and recipient = :p")
                .param("s", school.id()).param("p", phone).query(Long.class).single();
    }
}
