package academy.cedarheights.operations.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo school's contents: four instruments, three teachers with forty weekly half-hour slots in
 * three rooms, and four families — one of them the demo parent, with a child and no booking yet.
 * Written once, in the transaction that created the school.
 */
@Component
class DemoCatalogue {

    private final JdbcClient jdbc;

    DemoCatalogue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void load(UUID school, String teacherEmail, String parentEmail, String adminEmail, LocalDate today) {
        jdbc.sql("insert into school_admin_emails (school_id, email) values (:school, :email)")
                .param("school", school).param("email", adminEmail).update();
        Map<String, UUID> instruments = new HashMap<>();
        for (String name : new String[] {"piano", "guitar", "drums", "bass"}) {
            instruments.put(name, insert("insert into instruments (school_id, name) values (:school, :name) returning id",
                    Map.of("school", school, "name", name)));
        }
        UUID maya = teacher(school, "Maya Chen", "maya.chen@cedar-heights.test",
                "Classical and contemporary piano; prepares students for RCM exams.", 3500);
        UUID daniel = teacher(school, "Daniel Okafor", teacherEmail,
                "Guitar and bass, from first chords to jazz standards.", 3200);
        UUID sofia = teacher(school, "Sofia Alvarez", "sofia.alvarez@cedar-heights.test",
                "Drums and percussion, and piano for beginners.", 3200);
        teaches(school, maya, instruments.get("piano"));
        teaches(school, daniel, instruments.get("guitar"));
        teaches(school, daniel, instruments.get("bass"));
        teaches(school, sofia, instruments.get("drums"));
        teaches(school, sofia, instruments.get("piano"));

        UUID studioA = room(school, "Studio A");
        UUID studioB = room(school, "Studio B");
        UUID drumRoom = room(school, "Drum Room");
        Map<String, UUID> slots = new HashMap<>();
        for (int weekday : new int[] {1, 3, 4}) {
            slots.putAll(slots(school, maya, studioA, weekday, "15:00", "17:00"));
        }
        slots.putAll(slots(school, maya, studioA, 6, "10:00", "12:00"));
        for (int weekday : new int[] {2, 4}) {
            slots.putAll(slots(school, daniel, studioB, weekday, "15:30", "18:30"));
        }
        for (int weekday : new int[] {1, 5}) {
            slots.putAll(slots(school, sofia, drumRoom, weekday, "16:00", "18:00"));
        }
        slots.putAll(slots(school, sofia, drumRoom, 6, "13:00", "15:00"));

        LocalDate termStart = jdbc.sql("select min(start_date) from semesters where school_id = :school")
                .param("school", school).query(LocalDate.class).single();
        UUID priya = payee(school, "Priya Sharma", parentEmail, "+1 604 555 0142");
        student(school, priya, "Arjun Sharma", today.minusYears(9), instruments.get("piano"), maya);

        UUID obrien = payee(school, "Liam O'Brien", "liam.obrien@example.com", "+1 604 555 0177");
        UUID noah = student(school, obrien, "Noah O'Brien", today.minusYears(12), instruments.get("guitar"), daniel);
        UUID ava = student(school, obrien, "Ava O'Brien", today.minusYears(8), instruments.get("piano"), maya);
        activeEnrollment(school, noah, slots.get(daniel + "/2/16:00"), "monthly", termStart);
        activeEnrollment(school, ava, slots.get(maya + "/1/15:30"), "semester", termStart);

        UUID gagnon = payee(school, "Marc Gagnon", "marc.gagnon@example.com", null);
        UUID lea = student(school, gagnon, "Léa Gagnon", today.minusYears(15), instruments.get("bass"), daniel);
        activeEnrollment(school, lea, slots.get(daniel + "/4/17:00"), "yearly", termStart);

        // a lesson on most weekdays, so "today" on the dashboard is rarely empty
        UUID nguyen = payee(school, "Linh Nguyen", "linh.nguyen@example.com", "+1 604 555 0188");
        UUID mai = student(school, nguyen, "Mai Nguyen", today.minusYears(11), instruments.get("piano"), maya);
        UUID an = student(school, nguyen, "An Nguyen", today.minusYears(7), instruments.get("drums"), sofia);
        activeEnrollment(school, mai, slots.get(maya + "/3/15:00"), "semester", termStart);
        activeEnrollment(school, an, slots.get(sofia + "/5/16:00"), "monthly", termStart);
        UUID singh = payee(school, "Harpreet Singh", "harpreet.singh@example.com", null);
        UUID kiran = student(school, singh, "Kiran Singh", today.minusYears(13), instruments.get("piano"), maya);
        activeEnrollment(school, kiran, slots.get(maya + "/6/10:30"), "yearly", termStart);

        UUID tremblay = payee(school, "Emma Tremblay", "emma.tremblay@example.com", "+1 778 555 0103");
        UUID chloe = student(school, tremblay, "Chloé Tremblay", today.minusYears(10), instruments.get("drums"), sofia);
        provisionalEnrollment(school, chloe, slots.get(sofia + "/5/16:30"), today);
    }

    private UUID teacher(UUID school, String name, String email, String bio, long payCents) {
        return insert("""
                        insert into teachers (school_id, name, email, bio, pay_per_lesson_cents)
                        values (:school, :name, :email, :bio, :pay) returning id""",
                Map.of("school", school, "name", name, "email", email, "bio", bio, "pay", payCents));
    }

    private void teaches(UUID school, UUID teacher, UUID instrument) {
        jdbc.sql("insert into teacher_instruments (school_id, teacher_id, instrument_id) values (:school, :teacher, :instrument)")
                .param("school", school).param("teacher", teacher).param("instrument", instrument).update();
    }

    private UUID room(UUID school, String name) {
        return insert("insert into rooms (school_id, name) values (:school, :name) returning id",
                Map.of("school", school, "name", name));
    }

    /** Consecutive half-hour slots from {@code from} to {@code to}, keyed "teacher/weekday/HH:mm". */
    private Map<String, UUID> slots(UUID school, UUID teacher, UUID room, int weekday, String from, String to) {
        Map<String, UUID> created = new HashMap<>();
        for (LocalTime start = LocalTime.parse(from); start.isBefore(LocalTime.parse(to)); start = start.plusMinutes(30)) {
            UUID id = insert("""
                            insert into timeslots (school_id, teacher_id, weekday, start_time, end_time, room_id)
                            values (:school, :teacher, :weekday, :start, :end, :room) returning id""",
                    Map.of("school", school, "teacher", teacher, "weekday", weekday, "start", start,
                            "end", start.plusMinutes(30), "room", room));
            created.put(teacher + "/" + weekday + "/" + start, id);
        }
        return created;
    }

    private UUID payee(UUID school, String name, String email, String phone) {
        return jdbc.sql("insert into payees (school_id, name, email, phone) values (:school, :name, :email, :phone) returning id")
                .param("school", school).param("name", name).param("email", email).param("phone", phone)
                .query(UUID.class).single();
    }

    private UUID student(UUID school, UUID payee, String name, LocalDate birthDate, UUID instrument, UUID teacher) {
        return insert("""
                        insert into students (school_id, payee_id, name, birth_date, instrument_id, teacher_pref_id,
                                              consent_policy_accepted_at)
                        values (:school, :payee, :name, :birth, :instrument, :teacher, now()) returning id""",
                Map.of("school", school, "payee", payee, "name", name, "birth", birthDate,
                        "instrument", instrument, "teacher", teacher));
    }

    private void activeEnrollment(UUID school, UUID student, UUID slot, String plan, LocalDate start) {
        jdbc.sql("""
                        insert into enrollments (school_id, student_id, timeslot_id, billing_plan, status, start_date,
                                                 activated_at)
                        values (:school, :student, :slot, :plan, 'active', :start, now())""")
                .param("school", school).param("student", student).param("slot", slot)
                .param("plan", plan).param("start", start).update();
    }

    /** A hold booked four days ago, still waiting for a card, so the dashboard has something ageing. */
    private void provisionalEnrollment(UUID school, UUID student, UUID slot, LocalDate today) {
        OffsetDateTime booked = OffsetDateTime.now(ZoneOffset.UTC).minusDays(4);
        jdbc.sql("""
                        insert into enrollments (school_id, student_id, timeslot_id, billing_plan, status, start_date,
                                                 provisional_expires_at, failure_reason, created_at)
                        values (:school, :student, :slot, 'monthly', 'provisional', :start, :expires,
                                'no payment method on file', :booked)""")
                .param("school", school).param("student", student).param("slot", slot)
                .param("start", today.plusDays(7)).param("expires", booked.plusDays(14))
                .param("booked", booked).update();
    }

    private UUID insert(String sql, Map<String, ?> params) {
        return jdbc.sql(sql).params(params).query(UUID.class).single();
    }
}
