package academy.cedarheights.families.web;

import java.util.UUID;

import academy.cedarheights.families.Consent;
import academy.cedarheights.families.Student;
import academy.cedarheights.families.StudentRequest;
import academy.cedarheights.families.Students;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.Page;
import academy.cedarheights.platform.web.PageQuery;
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
@RequestMapping(path = "/api/v1/admin/students", produces = "application/json")
@Tag(name = "Admin: families")
class AdminStudentsController {

    private final Students students;

    AdminStudentsController(Students students) {
        this.students = students;
    }

    @GetMapping
    Page<Student> list(CurrentSchool school, @RequestParam(name = "payee_id", required = false) UUID payeeId,
                       @RequestParam(name = "instrument_id", required = false) UUID instrumentId,
                       @Valid @ParameterObject PageQuery page) {
        return students.list(school.id(), payeeId, instrumentId, page);
    }

    @GetMapping("/{id}")
    Student get(CurrentSchool school, @PathVariable UUID id) {
        return students.get(school.id(), id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Student create(CurrentSchool school, Caller caller, @Valid @RequestBody StudentRequest request) {
        return students.create(school.id(), caller.email(), request, Consent.How.API);
    }

    @PutMapping("/{id}")
    Student replace(CurrentSchool school, Caller caller, @PathVariable UUID id,
                       @Valid @RequestBody StudentRequest request) {
        return students.replace(school.id(), caller.email(), id, request);
    }

    @PatchMapping("/{id}")
    Student patch(CurrentSchool school, Caller caller, @PathVariable UUID id, @RequestBody JsonNode patch) {
        return students.patch(school.id(), caller.email(), id, patch);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(CurrentSchool school, Caller caller, @PathVariable UUID id) {
        students.delete(school.id(), caller.email(), id);
    }
}
