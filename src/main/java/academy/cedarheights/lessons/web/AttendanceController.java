package academy.cedarheights.lessons.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import academy.cedarheights.families.FamilyProfile;
import academy.cedarheights.lessons.Attendance;
import academy.cedarheights.lessons.AttendanceMark;
import academy.cedarheights.lessons.Lesson;
import academy.cedarheights.lessons.Lessons;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.NoSuchRecord;
import academy.cedarheights.schools.Catalogue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Lessons and attendance, for admins (any lesson), teachers (their own) and parents (their children's). */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "Lessons")
class AttendanceController {

    private final Lessons lessons;
    private final FamilyProfile families;

    AttendanceController(Lessons lessons, FamilyProfile families) {
        this.lessons = lessons;
        this.families = families;
    }

    record AbsenceReport(@NotNull UUID enrollmentId, @NotNull LocalDate date) {
    }

    @GetMapping("/admin/attendance")
    @Operation(summary = "The school's lessons of a date, with their attendance")
    List<Lesson> lessonsOfDay(CurrentSchool school, @RequestParam("date") LocalDate date) {
        return lessons.on(school.id(), date, null);
    }

    @PutMapping("/admin/attendance")
    @Operation(summary = "Mark any lesson of the school; 400 if the date is not a lesson of that enrollment")
    Attendance markAny(CurrentSchool school, Caller caller, @Valid @RequestBody AttendanceMark mark) {
        return lessons.mark(school.id(), caller.email(), mark, null);
    }

    @GetMapping("/teacher/lessons")
    @Operation(summary = "Your lessons of a date")
    List<Lesson> myLessons(CurrentSchool school, Caller caller, @RequestParam("date") LocalDate date) {
        return lessons.ofTeacher(school.id(), caller.email(), date);
    }

    @PutMapping("/teacher/attendance")
    @Operation(summary = "Mark one of your lessons; another teacher's answers 404")
    Attendance markMine(CurrentSchool school, Caller caller, @Valid @RequestBody AttendanceMark mark) {
        return lessons.markAsTeacher(school.id(), caller.email(), mark);
    }

    @GetMapping("/parent/attendance")
    @Operation(summary = "Your child's attendance")
    List<Attendance> myChild(CurrentSchool school, Caller caller, @RequestParam("student_id") UUID studentId) {
        families.child(school.id(), caller, studentId);
        return lessons.ofStudent(school.id(), studentId);
    }

    @PostMapping("/parent/absences")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Report in advance that your child will miss a lesson")
    Attendance reportAbsence(CurrentSchool school, Caller caller, @Valid @RequestBody AbsenceReport report) {
        UUID payee = families.payee(school.id(), caller).id();
        return lessons.reportAbsence(school.id(), payee, caller.email(), report.enrollmentId(), report.date());
    }
}
