package academy.cedarheights.operations.web;

import java.util.UUID;

import academy.cedarheights.platform.jobs.DeadLetter;
import academy.cedarheights.platform.jobs.DeadLetterQueue;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.Page;
import academy.cedarheights.platform.web.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Background jobs that gave up: what failed and why, and sending them back to the queue. */
@RestController
@RequestMapping(path = "/api/v1/admin/dead-letters", produces = "application/json")
@Tag(name = "Admin: operations")
class AdminDeadLettersController {

    private final DeadLetterQueue deadLetters;

    AdminDeadLettersController(DeadLetterQueue deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    Page<DeadLetter> list(CurrentSchool school, @Valid @ParameterObject PageQuery page) {
        return deadLetters.page(school.id(), page);
    }

    @PostMapping("/{id}/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Queue the job again with its original payload")
    void retry(CurrentSchool school, Caller caller, @PathVariable UUID id) {
        deadLetters.retry(school.id(), caller.email(), id);
    }
}
