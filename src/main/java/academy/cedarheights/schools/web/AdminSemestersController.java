package academy.cedarheights.schools.web;

import java.util.List;
import java.util.UUID;

import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.Page;
import academy.cedarheights.platform.web.PageQuery;
import academy.cedarheights.schools.Closure;
import academy.cedarheights.schools.Semester;
import academy.cedarheights.schools.SemesterRequest;
import academy.cedarheights.schools.Semesters;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping(path = "/api/v1/admin/semesters", produces = "application/json")
@Tag(name = "Admin: catalogue")
class AdminSemestersController {

    private final Semesters semesters;

    AdminSemestersController(Semesters semesters) {
        this.semesters = semesters;
    }

    @GetMapping
    Page<Semester> list(CurrentSchool school, @Valid @ParameterObject PageQuery page) {
        return semesters.list(school.id(), page);
    }

    @GetMapping("/{id}")
    Semester get(CurrentSchool school, @PathVariable UUID id) {
        return semesters.get(school.id(), id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Semester create(CurrentSchool school, Caller caller, @Valid @RequestBody SemesterRequest request) {
        return semesters.create(school.id(), caller.email(), request);
    }

    @PutMapping("/{id}")
    Semester replace(CurrentSchool school, Caller caller, @PathVariable UUID id,
                       @Valid @RequestBody SemesterRequest request) {
        return semesters.replace(school.id(), caller.email(), id, request);
    }

    @PatchMapping("/{id}")
    Semester patch(CurrentSchool school, Caller caller, @PathVariable UUID id, @RequestBody JsonNode patch) {
        return semesters.patch(school.id(), caller.email(), id, patch);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(CurrentSchool school, Caller caller, @PathVariable UUID id) {
        semesters.delete(school.id(), caller.email(), id);
    }

    @GetMapping("/{id}/closures")
    List<Closure> closures(CurrentSchool school, @PathVariable UUID id) {
        return semesters.closures(school.id(), id);
    }

    @DeleteMapping("/{id}/closures/{closureId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeClosure(CurrentSchool school, Caller caller, @PathVariable UUID id, @PathVariable UUID closureId) {
        semesters.removeClosure(school.id(), caller.email(), id, closureId);
    }
}
