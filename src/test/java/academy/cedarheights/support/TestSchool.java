package academy.cedarheights.support;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/** One test's school, with shortcuts to give it a catalogue and families straight in the database. */
public record TestSchool(JdbcClient jdbc, UUID id, String slug) {

    /** The header that makes a request act for this school. */
    public String[] header() {
        return new String[] {"X-School", slug};
    }

    /** Puts an email on the school's admin allowlist. */
    public void allowAdmin(String email) {
        jdbc.sql("insert into school_admin_emails (school_id, email) values (:school, :email)")
                .param("school", id).param("email", email).update();
    }

    /** An admin of this school, signed in: a session for the admin API. */
    public Api.Session admin(Api api) {
        String email = "admin-" + UUID.randomUUID().toString().substring(0, 8) + "@" + slug + ".test";
        allowAdmin(email);
        return api.as(signUp(api, email));
    }

    public static final String PASSWORD = "correct horse battery";

    /**
     * Signs up a built-in account through the API, marks its address proven (as the emailed link would; tests of the
     * link itself follow it from the mailbox) and signs in again: the token carries the role the address earns.
     */
    public String signUp(Api api, String email) {
        signUpUnverified(api, email);
        jdbc.sql("update accounts set email_verified_at = now() where school_id = :school and email = :email")
                .param("school", id).param("email", email).update();
        return login(api, email);
    }

    /** Signs up a built-in account through the API, its address unproven, and returns its backend token. */
    public String signUpUnverified(Api api, String email) {
        Api.Answer answer = api.post("/api/v1/auth/signup", """
                {"email": "%s", "password": "%s", "name": "Test Person"}""".formatted(email, PASSWORD),
                "Content-Type", "application/json", "X-School", slug);
        if (answer.status() != 201) {
            throw new IllegalStateException("sign-up failed: " + answer);
        }
        return answer.json().path("backend_jwt").asString();
    }

    /** Signs in with the password every test account has. */
    public String login(Api api, String email) {
        Api.Answer answer = api.post("/api/v1/auth/login", """
                {"email": "%s", "password": "%s"}""".formatted(email, PASSWORD),
                "Content-Type", "application/json", "X-School", slug);
        if (answer.status() != 200) {
            throw new IllegalStateException("sign-in failed: " + answer);
        }
        return answer.json().path("backend_jwt").asString();
    }

    /** A semester around {@code today} — from ten days before to ninety after — so its slots can be booked now. */
    public UUID inTerm(LocalDate today) {
        return jdbc.sql("""
                        insert into semesters (school_id, name, start_date, end_date) values (:school, 'Term', :from, :to)
                        returning id""")
                .param("school", id).param("from", today.minusDays(10)).param("to", today.plusDays(90))
                .query(UUID.class).single();
    }

    public UUID instrument(String name) {
        return jdbc.sql("insert into instruments (school_id, name) values (:school, :name) returning id")
                .param("school", id).param("name", name).query(UUID.class).single();
    }

    public UUID teacher(String name, boolean active, UUID... instruments) {
        UUID teacher = jdbc.sql("""
                        insert into teachers (school_id, name, email, bio, active)
                        values (:school, :name, :email, :bio, :active) returning id""")
                .param("school", id).param("name", name)
                .param("email", name.toLowerCase().replace(' ', '.') + "@" + slug + ".test")
                .param("bio", "Teaches " + name).param("active", active)
                .query(UUID.class).single();
        for (UUID instrument : instruments) {
            jdbc.sql("insert into teacher_instruments (school_id, teacher_id, instrument_id) values (:school, :t, :i)")
                    .param("school", id).param("t", teacher).param("i", instrument).update();
        }
        return teacher;
    }

    public UUID room(String name) {
        return jdbc.sql("insert into rooms (school_id, name) values (:school, :name) returning id")
                .param("school", id).param("name", name).query(UUID.class).single();
    }

    public UUID slot(UUID teacher, int weekday, String start) {
        return slot(teacher, weekday, start, null, true);
    }

    public UUID slot(UUID teacher, int weekday, String start, UUID room, boolean active) {
        LocalTime from = LocalTime.parse(start);
        return jdbc.sql("""
                        insert into timeslots (school_id, teacher_id, weekday, start_time, end_time, room_id, active)
                        values (:school, :teacher, :weekday, :start, :end, :room, :active) returning id""")
                .param("school", id).param("teacher", teacher).param("weekday", weekday)
                .param("start", from).param("end", from.plusMinutes(30)).param("room", room).param("active", active)
                .query(UUID.class).single();
    }

    public UUID payee(String name) {
        return jdbc.sql("insert into payees (school_id, name, email) values (:school, :name, :email) returning id")
                .param("school", id).param("name", name)
                .param("email", name.toLowerCase().replace(' ', '.') + "@families.test")
                .query(UUID.class).single();
    }

    public UUID student(UUID payee, String name, UUID instrument) {
        return jdbc.sql("""
                        insert into students (school_id, payee_id, name, birth_date, instrument_id,
                                              consent_policy_accepted_at)
                        values (:school, :payee, :name, :birth, :instrument, now()) returning id""")
                .param("school", id).param("payee", payee).param("name", name)
                .param("birth", LocalDate.now().minusYears(10)).param("instrument", instrument)
                .query(UUID.class).single();
    }

    public UUID activeEnrollment(UUID student, UUID timeslot) {
        return jdbc.sql("""
                        insert into enrollments (school_id, student_id, timeslot_id, billing_plan, status, start_date)
                        values (:school, :student, :slot, 'monthly', 'active', current_date) returning id""")
                .param("school", id).param("student", student).param("slot", timeslot)
                .query(UUID.class).single();
    }
}
