package academy.cedarheights.schools.web;

import java.util.UUID;

import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.Page;
import academy.cedarheights.platform.web.PageQuery;
import academy.cedarheights.schools.Timeslot;
import academy.cedarheights.schools.TimeslotRequest;
import academy.cedarheights.schools.Timeslots;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
@RequestMapping(path = "/api/v1/admin/timeslots", produces = "application/json")
@Tag(name = "Admin: catalogue")
class AdminTimeslotsController {

    private final Timeslots timeslots;

    AdminTimeslotsController(Timeslots timeslots) {
        this.timeslots = timeslots;
    }

    @GetMapping
    Page<Timeslot> list(CurrentSchool school, @RequestParam(name = "teacher_id", required = false) UUID teacherId,
                        @RequestParam(name = "weekday", required = false) @Min(1) @Max(7) Integer weekday,
                        @RequestParam(name = "active", required = false) Boolean active,
                        @Valid @ParameterObject PageQuery page) {
        return timeslots.list(school.id(), teacherId, weekday, active, page);
    }

    @GetMapping("/{id}")
    Timeslot get(CurrentSchool school, @PathVariable UUID id) {
        return timeslots.get(school.id(), id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Timeslot create(CurrentSchool school, Caller caller, @Valid @RequestBody TimeslotRequest request) {
        return timeslots.create(school.id(), caller.email(), request);
    }

    @PutMapping("/{id}")
    Timeslot replace(CurrentSchool school, Caller caller, @PathVariable UUID id,
                       @Valid @RequestBody TimeslotRequest request) {
        return timeslots.replace(school.id(), caller.email(), id, request);
    }

    @PatchMapping("/{id}")
    Timeslot patch(CurrentSchool school, Caller caller, @PathVariable UUID id, @RequestBody JsonNode patch) {
        return timeslots.patch(school.id(), caller.email(), id, patch);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(CurrentSchool school, Caller caller, @PathVariable UUID id) {
        timeslots.delete(school.id(), caller.email(), id);
    }
}
