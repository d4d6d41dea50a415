package academy.cedarheights.operations.web;

import java.util.UUID;

import academy.cedarheights.families.FamilyProfile;
import academy.cedarheights.operations.Erasure;
import academy.cedarheights.operations.Erasure.Erased;
import academy.cedarheights.operations.Erasure.Requested;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Erasure on request: the parent's own, and the admin's on a family's request (by email, by phone, at the desk).
 * 202: it is done here at once; the payment provider's copy is cleared by a job moments later.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "Privacy")
class ErasureController {

    private final Erasure erasure;
    private final FamilyProfile families;

    ErasureController(Erasure erasure, FamilyProfile families) {
        this.erasure = erasure;
        this.families = families;
    }

    @PostMapping("/parent/erasure")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Erase my family's personal data (bookings end; invoices and payments stay under a pseudonym)")
    Erased eraseMine(CurrentSchool school, Caller caller) {
        return erasure.erase(school.id(), families.payee(school.id(), caller).id(), Requested.BY_THE_FAMILY, null);
    }

    @PostMapping("/admin/payees/{id}/erasure")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Erase a family's personal data on its request")
    Erased eraseOnRequest(CurrentSchool school, Caller caller, @PathVariable("id") UUID id) {
        return erasure.erase(school.id(), id, Requested.BY_THE_SCHOOL, caller.email());
    }
}
