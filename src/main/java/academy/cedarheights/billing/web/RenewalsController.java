package academy.cedarheights.billing.web;

import java.util.UUID;

import academy.cedarheights.billing.Renewals;
import academy.cedarheights.families.FamilyProfile;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.Page;
import academy.cedarheights.platform.web.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The family's answer to a term's renewal, and the school's list of renewals. */
@RestController
class RenewalsController {

    private final Renewals renewals;
    private final FamilyProfile families;

    RenewalsController(Renewals renewals, FamilyProfile families) {
        this.renewals = renewals;
        this.families = families;
    }

    /** {@code renew: false} stops the renewal; {@code true} undoes that. */
    record Answer(@NotNull Boolean renew) {
    }

    @PostMapping(path = "/api/v1/parent/bookings/{trackingId}/renewal", produces = "application/json")
    @Tag(name = "Parent")
    @Operation(summary = "Continue (renew: true) or not (renew: false) into the next term, until its charge day")
    Renewals.Pending answer(CurrentSchool school, Caller caller, @PathVariable UUID trackingId,
                            @Valid @RequestBody Answer answer) {
        return renewals.answer(school.id(), families.payee(school.id(), caller).id(), trackingId, answer.renew());
    }

    @GetMapping(path = "/api/v1/admin/renewals", produces = "application/json")
    @Tag(name = "Admin")
    @Operation(summary = "The renewals of a semester (all without semester_id): state, amount and charge day")
    Page<Renewals.Listed> list(CurrentSchool school, @RequestParam(name = "semester_id", required = false) UUID semesterId,
                               @Valid @ParameterObject PageQuery page) {
        return renewals.list(school.id(), semesterId, page);
    }
}
