package academy.cedarheights.operations.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import academy.cedarheights.identity.Accounts;
import academy.cedarheights.platform.config.AppProperties;
import academy.cedarheights.platform.persistence.DatabaseProperties;
import academy.cedarheights.platform.tenancy.TenantContext;
import academy.cedarheights.schools.Schools;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo school at start-up when demo data is on (by default only with the embedded
 * database): the catalogue, families and the term so far (attendance, charges, payments) once, a term containing
 * today whenever the demo is started, and the three sign-in accounts. Loading it again changes nothing.
 */
@Component
class DemoData implements SmartInitializingSingleton, ApplicationListener<ApplicationReadyEvent> {

    static final String SLUG = "cedar-heights";
    static final String ADMIN = "admin@cedar-heights.test";
    static final String TEACHER = "teacher@cedar-heights.test";
    static final String PARENT = "parent@cedar-heights.test";
    private static final ZoneId ZONE = ZoneId.of("America/Vancouver");
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Accounts accounts;
    private final DemoCatalogue catalogue;
    private final DemoHistory history;
    private final boolean enabled;
    private final AppProperties app;
    private final Schools schools;
    private final Clock clock;

    DemoData(JdbcClient jdbc, TransactionTemplate transaction, Accounts accounts, DemoCatalogue catalogue,
             DemoHistory history, AppProperties app, DatabaseProperties database, Schools schools, Clock clock) {
        this.history = history;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.accounts = accounts;
        this.catalogue = catalogue;
        this.app = app;
        this.schools = schools;
        this.clock = clock;
        this.enabled = app.demoData() != null ? app.demoData() : database.embedded();
    }

    /** Before the web server opens (schema migrated, beans ready): the first request already sees the demo. */
    @Override
    public void afterSingletonsInstantiated() {
        if (enabled) {
            load();
        }
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent ready) {
        if (enabled) {
            announce();
        }
    }

    /**
     * Idempotent: the school is created if missing, then, acting as that school (row-level security
     * applies to demo loading like to everything else), filled only if it has no teachers yet.
     */
    void load() {
        LocalDate today = LocalDate.now(clock.withZone(ZONE));
        transaction.executeWithoutResult(status -> jdbc.sql("""
                        insert into schools (slug, name, time_zone, currency, monthly_price_cents,
                                             semester_per_lesson_cents, yearly_per_lesson_cents)
                        values (:slug, 'Cedar Heights Music Academy', :zone, 'CAD', 14000, 3200, 3000)
                        on conflict (slug) do nothing""")
                .param("slug", SLUG)
                .param("zone", ZONE.getId())
                .update());
        UUID schoolId = transaction.execute(status -> schoolId());
        TenantContext.runAs(schoolId, () -> transaction.executeWithoutResult(status -> {
            ensureTermContaining(schoolId, today);
            boolean empty = jdbc.sql("select not exists (select 1 from teachers where school_id = :school)")
                    .param("school", schoolId).query(Boolean.class).single();
            if (empty) {
                catalogue.load(schoolId, TEACHER, PARENT, ADMIN, today);
                history.load(schoolId, DemoTerm.containing(today).start(), today, ZONE);
            }
            accounts.ensureVerified(schoolId, ADMIN, "cedar-admin-demo");
            accounts.ensureVerified(schoolId, TEACHER, "cedar-teacher-demo");
            UUID parent = accounts.ensureVerified(schoolId, PARENT, "cedar-parent-demo");
            // the demo parent signs in to the family the catalogue made for them
            jdbc.sql("update payees set identity_subject = :subject where school_id = :school and email = :email"
                            + " and identity_subject is null")
                    .param("subject", parent.toString()).param("school", schoolId).param("email", PARENT).update();
        }));
    }

    private UUID schoolId() {
        return jdbc.sql("select id from schools where slug = :slug").param("slug", SLUG).query(UUID.class).single();
    }

    /** Keeps the demo live: a restart in a later term adds that term, unless a semester already covers today. */
    private void ensureTermContaining(UUID schoolId, LocalDate today) {
        DemoTerm term = DemoTerm.containing(today);
        UUID semesterId = jdbc.sql("""
                        insert into semesters (school_id, name, start_date, end_date)
                        select :school, :name, :start, :end
                         where not exists (select 1 from semesters where school_id = :school
                                              and daterange(start_date, end_date, '[]') && daterange(:start, :end, '[]'))
                        returning id""")
                .param("school", schoolId)
                .param("name", term.name())
                .param("start", term.start())
                .param("end", term.end())
                .query(UUID.class)
                .optional().orElse(null);
        if (semesterId != null) {
            jdbc.sql("""
                            insert into closures (school_id, semester_id, start_date, end_date, reason)
                            values (:school, :semester, :day, :day, :reason)""")
                    .param("school", schoolId)
                    .param("semester", semesterId)
                    .param("day", term.closure())
                    .param("reason", term.closureReason())
                    .update();
        }
    }

    private void announce() {
        // the demo school's own address: the root when it is the default school, else under its /s/ prefix
        String url = transaction.execute(status -> schools.findBySlug(SLUG)
                .map(school -> schools.profile(school.id()).baseUrl()).orElseThrow());
        log.info("""
                Cedar Heights demo school '{}' is ready: open {}/ in a browser
                  or try: curl {}/api/v1/public/teachers
                  sign in as {} / cedar-admin-demo (admin), {} / cedar-teacher-demo (teacher), \
                {} / cedar-parent-demo (parent)""", SLUG, url, url, ADMIN, TEACHER, PARENT);
    }
}
