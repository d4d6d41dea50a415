package academy.cedarheights.operations.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import academy.cedarheights.support.DatabaseOwner;
import academy.cedarheights.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class DemoDataTest {

    static final List<String> TABLES = List.of("schools", "instruments", "teachers", "teacher_instruments", "rooms",
            "timeslots", "semesters", "closures", "payees", "students", "enrollments", "accounts", "school_admin_emails",
            "attendance", "ledger_entries");

    @Autowired DemoData demo;
    @Autowired DatabaseOwner owner;
    JdbcClient jdbc;

    @BeforeEach
    void asTheOwner() {
        jdbc = owner.jdbc();
    }

    @Test
    void theDemoSchoolIsLoadedAsTheSpecDescribesIt() {
        Map<String, Object> school = jdbc.sql("select * from schools where slug = 'cedar-heights'").query().singleRow();
        assertThat(school.get("time_zone")).isEqualTo("America/Vancouver");
        assertThat(school.get("currency")).isEqualTo("CAD");

        assertThat(column("select i.name from instruments i join schools s on s.id = i.school_id where s.slug = 'cedar-heights' order by name"))
                .containsExactly("bass", "drums", "guitar", "piano");
        assertThat(count("teachers")).isEqualTo(3);
        assertThat(count("timeslots")).isBetween(35L, 45L);
        assertThat(column("select a.email from accounts a join schools s on s.id = a.school_id where s.slug = 'cedar-heights' order by email"))
                .containsExactly(DemoData.ADMIN, DemoData.PARENT, DemoData.TEACHER);
        assertThat(column("select email from school_admin_emails")).contains(DemoData.ADMIN);
        assertThat(column("select email from teachers")).contains(DemoData.TEACHER);
    }

    @Test
    void aSemesterContainsTodayWithAClosure() {
        LocalDate today = LocalDate.now(ZoneId.of("America/Vancouver"));
        Long covering = jdbc.sql("""
                        select count(*) from semesters m join schools s on s.id = m.school_id
                         where s.slug = 'cedar-heights' and :today between m.start_date and m.end_date""")
                .param("today", today).query(Long.class).single();
        assertThat(covering).isEqualTo(1);
        assertThat(count("closures")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theDemoParentHasAChildAndNoBookingYet() {
        Long bookings = jdbc.sql("""
                        select count(*) from enrollments e
                          join students st on st.school_id = e.school_id and st.id = e.student_id
                          join payees p on p.school_id = st.school_id and p.id = st.payee_id
                         where p.email = :email""")
                .param("email", DemoData.PARENT).query(Long.class).single();
        Long children = jdbc.sql("select count(*) from students st join payees p on p.id = st.payee_id where p.email = :email")
                .param("email", DemoData.PARENT).query(Long.class).single();
        assertThat(children).isEqualTo(1);
        assertThat(bookings).isZero();
    }

    @Test
    void theDemoParentSignsInToTheirFamily(@Autowired academy.cedarheights.support.Api api) {
        String token = api.post("/api/v1/auth/login", """
                {"email": "parent@cedar-heights.test", "password": "cedar-parent-demo"}""",
                "Content-Type", "application/json").json().path("backend_jwt").asString();

        var children = api.as(token).get("/api/v1/parent/students");
        assertThat(children.status()).isEqualTo(200);
        assertThat(children.texts("name")).containsExactly("Arjun Sharma");
        assertThat(api.as(token).get("/api/v1/parent/payees/self").text("name")).isEqualTo("Priya Sharma");
    }

    @Test
    void theTermSoFarIsMarkedAndPaidSoTheConsoleHasSomethingToShow(@Autowired academy.cedarheights.support.Api api) {
        LocalDate today = LocalDate.now(ZoneId.of("America/Vancouver"));
        assertThat(count("enrollments")).as("most of the timetable taken").isGreaterThanOrEqualTo(25);
        LocalDate termStart = jdbc.sql("""
                        select m.start_date from semesters m join schools s on s.id = m.school_id
                         where s.slug = 'cedar-heights' and :today between m.start_date and m.end_date""")
                .param("today", today).query(LocalDate.class).single();
        org.junit.jupiter.api.Assumptions.assumeTrue(today.isAfter(termStart.plusDays(10)),
                "the demo's term began less than ten days ago: nothing to mark or pay yet");
        List<String> marks = column("""
                select distinct a.status from attendance a join schools s on s.id = a.school_id
                 where s.slug = 'cedar-heights' order by 1""");
        assertThat(marks).contains("present", "absent");
        assertThat(jdbc.sql("""
                        select max(lesson_date) from attendance a join schools s on s.id = a.school_id
                         where s.slug = 'cedar-heights'""").query(LocalDate.class).single())
                .as("the last days are left to mark").isBefore(today.minusDays(2));
        assertThat(jdbc.sql("""
                        select count(*) from ledger_entries l join schools s on s.id = l.school_id
                         where s.slug = 'cedar-heights' and l.kind = 'charge' and l.status = 'open'""")
                .query(Long.class).single()).as("a few families owe this month").isPositive();

        String token = api.post("/api/v1/auth/login", """
                {"email": "admin@cedar-heights.test", "password": "cedar-admin-demo"}""",
                "Content-Type", "application/json").json().path("backend_jwt").asString();
        var payroll = api.as(token).get("/api/v1/admin/reports/payroll?from=" + today.minusMonths(1) + "&to=" + today)
                .json();
        assertThat(payroll.valueStream().mapToLong(line -> line.path("lessons").asLong()).sum())
                .as("lessons were taught last month").isPositive();
        var revenue = api.as(token).get("/api/v1/admin/reports/revenue?from=" + today.withDayOfMonth(1) + "&to=" + today)
                .json();
        assertThat(revenue.valueStream().mapToLong(line -> line.path("paid").path("amount").asLong()).sum()).isPositive();
    }

    @Test
    void loadingItAgainChangesNothing() {
        Map<String, Long> before = counts();
        demo.afterSingletonsInstantiated();
        demo.load();

        assertThat(counts()).isEqualTo(before);
    }

    private Map<String, Long> counts() {
        return TABLES.stream().collect(java.util.stream.Collectors.toMap(t -> t, this::countAll));
    }

    private long countAll(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table + " t join schools s on s.id = t.school_id where s.slug = 'cedar-heights'")
                .query(Long.class).single();
    }

    private List<String> column(String sql) {
        return jdbc.sql(sql).query(String.class).list();
    }
}
