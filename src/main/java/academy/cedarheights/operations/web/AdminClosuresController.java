package academy.cedarheights.operations.web;

import java.util.UUID;

import academy.cedarheights.operations.ClosingDays;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.schools.ClosureRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Closing the school for some days, with what it does to their lessons; {@code preview} saves nothing. */
@RestController
@RequestMapping(path = "/api/v1/admin/semesters", produces = "application/json")
@Tag(name = "Admin: catalogue")
class AdminClosuresController {

    private final ClosingDays closingDays;

    AdminClosuresController(ClosingDays closingDays) {
        this.closingDays = closingDays;
    }

    @PostMapping("/{id}/closures")
    @Operation(summary = "Adds a closure: the unmarked lessons of its days are cancelled by the school, credits granted "
            + "by the make-up rule, booked make-ups handed back; with preview=true, says so and saves nothing (200)")
    ResponseEntity<ClosingDays.Outcome> close(CurrentSchool school, Caller caller, @PathVariable("id") UUID semester,
                                              @Valid @RequestBody ClosureRequest request,
                                              @RequestParam(name = "preview", defaultValue = "false") boolean preview) {
        ClosingDays.Outcome outcome = closingDays.close(school.id(), caller.email(), semester, request, preview);
        return ResponseEntity.status(preview ? HttpStatus.OK : HttpStatus.CREATED).body(outcome);
    }
}
