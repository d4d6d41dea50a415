package academy.cedarheights.schools.web;

import java.util.UUID;

import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.Page;
import academy.cedarheights.platform.web.PageQuery;
import academy.cedarheights.schools.Teacher;
import academy.cedarheights.schools.TeacherRequest;
import academy.cedarheights.schools.Teachers;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping(path = "/api/v1/admin/teachers", produces = "application/json")
@Tag(name = "Admin: catalogue")
class AdminTeachersController {

    private final Teachers teachers;

    AdminTeachersController(Teachers teachers) {
        this.teachers = teachers;
    }

    @GetMapping
    Page<Teacher> list(CurrentSchool school, @RequestParam(name = "active", required = false) Boolean active,
                       @RequestParam(name = "instrument_id", required = false) UUID instrumentId,
                       @Valid @ParameterObject PageQuery page) {
        return teachers.list(school.id(), active, instrumentId, page);
    }

    @GetMapping("/{id}")
    Teacher get(CurrentSchool school, @PathVariable UUID id) {
        return teachers.get(school.id(), id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Teacher create(CurrentSchool school, Caller caller, @Valid @RequestBody TeacherRequest request) {
        return teachers.create(school.id(), caller.email(), request);
    }

    @PutMapping("/{id}")
    Teacher replace(CurrentSchool school, Caller caller, @PathVariable UUID id,
                       @Valid @RequestBody TeacherRequest request) {
        return teachers.replace(school.id(), caller.email(), id, request);
    }

    @PatchMapping("/{id}")
    Teacher patch(CurrentSchool school, Caller caller, @PathVariable UUID id, @RequestBody JsonNode patch) {
        return teachers.patch(school.id(), caller.email(), id, patch);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(CurrentSchool school, Caller caller, @PathVariable UUID id) {
        teachers.delete(school.id(), caller.email(), id);
    }
}
