package academy.cedarheights.schools.web;

import java.util.UUID;

import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.Page;
import academy.cedarheights.platform.web.PageQuery;
import academy.cedarheights.schools.Instrument;
import academy.cedarheights.schools.InstrumentRequest;
import academy.cedarheights.schools.Instruments;
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
@RequestMapping(path = "/api/v1/admin/instruments", produces = "application/json")
@Tag(name = "Admin: catalogue")
class AdminInstrumentsController {

    private final Instruments instruments;

    AdminInstrumentsController(Instruments instruments) {
        this.instruments = instruments;
    }

    @GetMapping
    Page<Instrument> list(CurrentSchool school, @RequestParam(name = "q", required = false) String nameContains,
                          @Valid @ParameterObject PageQuery page) {
        return instruments.list(school.id(), nameContains, page);
    }

    @GetMapping("/{id}")
    Instrument get(CurrentSchool school, @PathVariable UUID id) {
        return instruments.get(school.id(), id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Instrument create(CurrentSchool school, Caller caller, @Valid @RequestBody InstrumentRequest request) {
        return instruments.create(school.id(), caller.email(), request);
    }

    @PutMapping("/{id}")
    Instrument replace(CurrentSchool school, Caller caller, @PathVariable UUID id,
                       @Valid @RequestBody InstrumentRequest request) {
        return instruments.replace(school.id(), caller.email(), id, request);
    }

    @PatchMapping("/{id}")
    Instrument patch(CurrentSchool school, Caller caller, @PathVariable UUID id, @RequestBody JsonNode patch) {
        return instruments.patch(school.id(), caller.email(), id, patch);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(CurrentSchool school, Caller caller, @PathVariable UUID id) {
        instruments.delete(school.id(), caller.email(), id);
    }
}
