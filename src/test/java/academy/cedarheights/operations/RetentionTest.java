package academy.cedarheights.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import academy.cedarheights.platform.tenancy.TenantContext;
import academy.cedarheights.support.Api;
import academy.cedarheights.support.Browser;
import academy.cedarheights.support.DatabaseOwner;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.MovableClock;
import academy.cedarheights.support.TestSchool;
import academy.cedarheights.support.TestSchools;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The privacy retention schedule on a moving clock: each kind of record goes exactly when the schedule says, not a
 * day before, only in the school it runs for; and the console's privacy page lists the schedule that runs.
 */
@IntegrationTest
class RetentionTest {

    private static final Duration DAY = Duration.ofDays(1);

    @Autowired Retention retention;
    @Autowired TestSchools schools;
    @Autowired DatabaseOwner owner;
    @Autowired TransactionTemplate transaction;
    @Autowired MovableClock clock;
    @Autowired Api api;
    @LocalServerPort int port;

    TestSchool school;
    TestSchool neighbour;
    Instant now;

    @BeforeEach
    void twoSchoolsWithTodaysRecords() {
        school = schools.create();
        neighbour = schools.create();
        now = Instant.now();
        clock.set(now);
        for (TestSchool each : new TestSchool[] {school, neighbour}) {
            owner.jdbc().sql("""
                            insert into email_log (school_id, recipient, template, subject, status, model, body_text,
                                                   body_html, created_at)
                            values (:s, 'pat@families.test', 'welcome', 'Welcome, Pat', 'sent', '{"name": "Pat"}',
                                    'Hello Pat', '<p>Hello Pat</p>', :now),
                                   (:s, 'late@families.test', 'welcome', null, 'queued', '{"name": "Late"}', null, null, :now)""")
                    .param("s", each.id()).param("now", java.sql.Timestamp.from(now)).update();
            owner.jdbc().sql("""
                            insert into text_messages (school_id, recipient, body, status, created_at)
                            values (:s, '+16045550142', 'Reminder: Kid at 16:00', 'sent', :now)""")
                    .param("s", each.id()).param("now", java.sql.Timestamp.from(now)).update();
            owner.jdbc().sql("""
                            insert into idempotency_keys (school_id, actor, key, request_hash, response_status,
                                                          response_body, created_at)
                            values (:s, 'pat@families.test', 'key-1', 'hash', 201, '{"name": "Kid"}', :now)""")
                    .param("s", each.id()).param("now", java.sql.Timestamp.from(now)).update();
            owner.jdbc().sql("""
                            insert into audit_log (school_id, actor, action, entity_type, entity_id, summary, occurred_at)
                            values (:s, 'owner@school.test', 'payee.created', 'payee', 'x', '{}', :now)""")
                    .param("s", each.id()).param("now", java.sql.Timestamp.from(now)).update();
        }
    }

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void eachKindOfRecordGoesWhenTheScheduleSaysAndNotADayBefore() {
        school.signUp(api, "pat@" + school.slug() + ".test");
        owner.jdbc().sql("""
                        insert into account_links (school_id, token_hash, account_id, purpose, expires_at)
                        select school_id, repeat('ab', 32), id, 'password_reset', :expires from accounts where school_id = :s""")
                .param("s", school.id()).param("expires", java.sql.Timestamp.from(now.plus(DAY))).update();
        UUID piano = school.instrument("piano");
        owner.jdbc().sql("""
                        insert into enrollments (school_id, student_id, timeslot_id, billing_plan, status, start_date,
                                                 ended_at, cancel_reason)
                        values (:s, :kid, :slot, 'monthly', 'cancelled', current_date, :now, 'Moving to Calgary')""")
                .param("s", school.id()).param("kid", school.student(school.payee("Pat Doe"), "Kid Doe", piano))
                .param("slot", school.slot(school.teacher("Ada Keys", true, piano), 1, "16:00"))
                .param("now", java.sql.Timestamp.from(now)).update();
        assertThat(runAfter(Duration.ZERO)).isZero();
        assertThat(link()).isOne();

        runAfter(DAY.multipliedBy(6));
        assertThat(counts()).containsEntry("idempotency_keys", 1L);
        assertThat(link()).as("expired five days ago, used or not").isZero();
        runAfter(DAY.multipliedBy(8));
        assertThat(counts()).containsEntry("idempotency_keys", 0L).containsEntry("email bodies", 1L)
                .containsEntry("text bodies", 1L).containsEntry("audit_log", 1L);

        runAfter(DAY.multipliedBy(364));
        assertThat(counts()).containsEntry("email bodies", 1L).containsEntry("text bodies", 1L);
        assertThat(reason()).isEqualTo("Moving to Calgary");
        runAfter(DAY.multipliedBy(367));
        assertThat(counts()).as("a year and a day: the words go, the facts stay")
                .containsEntry("email bodies", 0L).containsEntry("text bodies", 0L).containsEntry("emails", 2L)
                .containsEntry("texts", 1L).containsEntry("queued email bodies", 1L).containsEntry("audit_log", 1L);
        assertThat(owner.jdbc().sql("select subject || ' to ' || recipient from email_log where school_id = :s and status = 'sent'"
                + " and recipient = 'pat@families.test'")
                .param("s", school.id()).query(String.class).single()).isEqualTo("Welcome, Pat to pat@families.test");
        assertThat(reason()).as("the booking stays, its reason goes").isNull();

        runAfter(DAY.multipliedBy(7 * 365));
        assertThat(counts()).containsEntry("audit_log", 1L);
        runAfter(DAY.multipliedBy(7 * 366 + 1));
        assertThat(counts()).containsEntry("audit_log", 0L);

        assertThat(counts(neighbour)).as("another school's records are its own schedule's")
                .containsEntry("idempotency_keys", 1L).containsEntry("email bodies", 1L).containsEntry("audit_log", 1L);
    }

    @Test
    void thePrivacyPageListsTheScheduleThatRuns() {
        String admin = "owner@" + school.slug() + ".test";
        school.allowAdmin(admin);
        school.signUp(api, admin);
        Browser browser = Browser.at(school, port).signOut().signIn(admin, "correct horse battery");

        browser.open("/admin/privacy");

        assertThat(browser.text("#retention tbody")).contains("7 days").contains("1 year").contains("7 years")
                .contains("until it expires").contains("The text of emails");
        assertThat(browser.all("#retention tbody tr")).hasSize(retention.schedule().size());
        browser.accessible();
    }

    private int runAfter(Duration elapsed) {
        clock.set(now.plus(elapsed));
        return TenantContext.callAs(school.id(), () -> transaction.execute(status -> retention.apply(school.id())));
    }

    private String reason() {
        return owner.jdbc().sql("select cancel_reason from enrollments where school_id = :s and status = 'cancelled'")
                .param("s", school.id()).query(String.class).optional().orElse(null);
    }

    private long link() {
        return owner.jdbc().sql("select count(*) from account_links where school_id = :s and token_hash = repeat('ab', 32)")
                .param("s", school.id()).query(Long.class).single();
    }

    private Map<String, Long> counts() {
        return counts(school);
    }

    private Map<String, Long> counts(TestSchool of) {
        return owner.jdbc().sql("""
                        select (select count(*) from idempotency_keys where school_id = :s) as idempotency_keys,
                               (select count(*) from audit_log where school_id = :s and actor = 'owner@school.test')
                                   as audit_log,
                               (select count(*) from email_log where school_id = :s and recipient like '%@families.test')
                                   as emails,
                               (select count(*) from email_log where school_id = :s and recipient = 'pat@families.test'
                                   and body_text is not null and body_html is not null and model <> '{}') as email_bodies,
                               (select count(*) from email_log where school_id = :s and recipient = 'late@families.test'
                                   and model <> '{}') as queued_email_bodies,
                               (select count(*) from text_messages where school_id = :s) as texts,
                               (select count(*) from text_messages where school_id = :s and body <> '') as text_bodies""")
                .param("s", of.id()).query().singleRow().entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(entry -> entry.getKey().replace('_', ' ')
                        .replace("idempotency keys", "idempotency_keys").replace("audit log", "audit_log"),
                        entry -> ((Number) entry.getValue()).longValue()));
    }
}
