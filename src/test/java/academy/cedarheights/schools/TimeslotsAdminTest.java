package academy.cedarheights.schools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import academy.cedarheights.support.Api.Answer;
import academy.cedarheights.support.Api.Session;
import academy.cedarheights.support.Api;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.TestSchool;
import academy.cedarheights.support.TestSchools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class TimeslotsAdminTest {

    @Autowired Api api;
    @Autowired TestSchools schools;

    TestSchool school;
    Session admin;
    UUID teacher;
    UUID room;

    @BeforeEach
    void aSchoolWithATeacherAndARoom() {
        school = schools.create();
        admin = school.admin(api);
        teacher = school.teacher("Ada Keys", true, school.instrument("piano"));
        room = school.room("Studio A");
    }

    @Test
    void aSlotIsCreatedDeactivatedAndDeleted() {
        Answer created = create(1, "15:00", "15:30", room);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.text("start_time")).isEqualTo("15:00");
        assertThat(created.json().path("held").asBoolean()).isFalse();
        String id = created.text("id");

        assertThat(admin.patch("/api/v1/admin/timeslots/" + id, "{\"active\": false}").json().path("active").asBoolean())
                .isFalse();
        assertThat(admin.get("/api/v1/admin/timeslots?teacher_id=" + teacher + "&active=true").json().path("total").asLong())
                .isZero();
        assertThat(admin.delete("/api/v1/admin/timeslots/" + id).status()).isEqualTo(204);
    }

    @Test
    void aSlotLastsExactlyTheSchoolsLessonLength() {
        assertThat(create(1, "15:00", "15:45", null).errorFields()).containsExactly("end_time");
        assertThat(create(1, "15:00", "14:30", null).errorFields()).containsExactly("end_time");
    }

    @Test
    void inputRulesNameTheirField() {
        assertThat(create(8, "15:00", "15:30", null).errorFields()).containsExactly("weekday");
        assertThat(create(1, "3pm", "15:30", null).errorFields()).containsExactly("start_time");
        assertThat(admin.post("/api/v1/admin/timeslots", """
                {"teacher_id": "%s", "weekday": 1, "start_time": "15:00", "end_time": "15:30", "active": true}"""
                .formatted(UUID.randomUUID())).errorFields()).containsExactly("teacher_id");
        assertThat(create(1, "15:00", "15:30", UUID.randomUUID()).errorFields()).containsExactly("room_id");
        assertThat(admin.get("/api/v1/admin/timeslots?weekday=0").errorFields()).containsExactly("weekday");
    }

    @Test
    void anOverlapNamesTheSlotItCollidesWith() {
        String first = create(2, "16:00", "16:30", room).text("id");

        Answer teacherClash = create(2, "16:15", "16:45", null);
        assertThat(teacherClash.status()).isEqualTo(409);
        assertThat(teacherClash.text("detail")).contains(first).contains("Tuesday 16:00–16:30");

        UUID other = school.teacher("Bo Strings", true);
        Answer roomClash = admin.post("/api/v1/admin/timeslots", """
                {"teacher_id": "%s", "weekday": 2, "start_time": "16:00", "end_time": "16:30", "room_id": "%s", "active": true}"""
                .formatted(other, room));
        assertThat(roomClash.status()).isEqualTo(409);
        assertThat(roomClash.text("detail")).contains("room").contains(first);

        assertThat(create(2, "16:30", "17:00", room).status()).as("back to back").isEqualTo(201);
    }

    @Test
    void concurrentOverlappingSlotsAreSettledByTheDatabase() throws Exception {
        var pool = Executors.newFixedThreadPool(8);
        java.util.List<Callable<Integer>> requests = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String start = i % 2 == 0 ? "10:00" : "10:15";
            String end = i % 2 == 0 ? "10:30" : "10:45";
            requests.add(() -> create(3, start, end, null).status());
        }
        java.util.List<Integer> statuses = new java.util.ArrayList<>();
        for (var future : pool.invokeAll(requests)) {
            statuses.add(future.get());
        }
        pool.shutdown();

        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
    }

    @Test
    void aHeldSlotCannotBeDeleted() {
        UUID slot = school.slot(teacher, 4, "15:00");
        school.activeEnrollment(school.student(school.payee("Pat Doe"), "Kid", school.instrument("drums")), slot);

        Answer answer = admin.delete("/api/v1/admin/timeslots/" + slot);
        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.text("detail")).contains("held");
        assertThat(admin.get("/api/v1/admin/timeslots/" + slot).json().path("held").asBoolean()).isTrue();
    }

    private Answer create(int weekday, String start, String end, UUID roomId) {
        String roomField = roomId == null ? "" : ", \"room_id\": \"" + roomId + "\"";
        return admin.post("/api/v1/admin/timeslots", """
                {"teacher_id": "%s", "weekday": %d, "start_time": "%s", "end_time": "%s", "active": true%s}"""
                .formatted(teacher, weekday, start, end, roomField));
    }
}
