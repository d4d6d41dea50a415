package academy.cedarheights.families.web;

import java.util.UUID;

import academy.cedarheights.families.Payee;
import academy.cedarheights.families.PayeeRequest;
import academy.cedarheights.families.Payees;
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
@RequestMapping(path = "/api/v1/admin/payees", produces = "application/json")
@Tag(name = "Admin: families")
class AdminPayeesController {

    private final Payees payees;

    AdminPayeesController(Payees payees) {
        this.payees = payees;
    }

    @GetMapping
    Page<Payee> list(CurrentSchool school, @RequestParam(name = "status", required = false) String status,
                     @RequestParam(name = "q", required = false) String search,
                     @Valid @ParameterObject PageQuery page) {
        return payees.list(school.id(), status, search, page);
    }

    @GetMapping("/{id}")
    Payee get(CurrentSchool school, @PathVariable UUID id) {
        return payees.get(school.id(), id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Payee create(CurrentSchool school, Caller caller, @Valid @RequestBody PayeeRequest request) {
        return payees.create(school.id(), caller.email(), request);
    }

    @PutMapping("/{id}")
    Payee replace(CurrentSchool school, Caller caller, @PathVariable UUID id,
                       @Valid @RequestBody PayeeRequest request) {
        return payees.replace(school.id(), caller.email(), id, request);
    }

    @PatchMapping("/{id}")
    Payee patch(CurrentSchool school, Caller caller, @PathVariable UUID id, @RequestBody JsonNode patch) {
        return payees.patch(school.id(), caller.email(), id, patch);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(CurrentSchool school, Caller caller, @PathVariable UUID id) {
        payees.delete(school.id(), caller.email(), id);
    }
}
