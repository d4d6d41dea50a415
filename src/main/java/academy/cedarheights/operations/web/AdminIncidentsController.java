package academy.cedarheights.operations.web;

import java.util.List;
import java.util.UUID;

import academy.cedarheights.operations.Incident;
import academy.cedarheights.operations.IncidentRequest;
import academy.cedarheights.operations.Incidents;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The privacy incident register (PIPEDA's record of breaches), for the school's admins. */
@RestController
@RequestMapping(path = "/api/v1/admin/incidents", produces = "application/json")
@Tag(name = "Admin: privacy")
class AdminIncidentsController {

    private final Incidents incidents;

    AdminIncidentsController(Incidents incidents) {
        this.incidents = incidents;
    }

    @GetMapping
    @Operation(summary = "The register, newest found first")
    List<Incident> list(CurrentSchool school) {
        return incidents.list(school.id());
    }

    @GetMapping("/{id}")
    Incident get(CurrentSchool school, @PathVariable("id") UUID id) {
        return incidents.get(school.id(), id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record an incident: what happened, when found, what and whom it touched, who was told")
    Incident record(CurrentSchool school, Caller caller, @Valid @RequestBody IncidentRequest request) {
        return incidents.record(school.id(), caller.email(), request);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Complete an incident as more is known (audited; an incident is never deleted)")
    Incident complete(CurrentSchool school, Caller caller, @PathVariable("id") UUID id,
                      @Valid @RequestBody IncidentRequest request) {
        return incidents.complete(school.id(), caller.email(), id, request);
    }
}
