package academy.cedarheights.billing.web;

import java.util.UUID;

import academy.cedarheights.billing.AccountBook;
import academy.cedarheights.billing.FamilyAccount;
import academy.cedarheights.billing.LedgerEntry;
import academy.cedarheights.billing.OutsidePayment;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A family's account: its own, for the family; any family's, for the school's admins, who also record payments. */
@RestController
class AccountsController {

    private final AccountBook accounts;

    AccountsController(AccountBook accounts) {
        this.accounts = accounts;
    }

    @GetMapping(path = "/api/v1/parent/account", produces = "application/json")
    @Tag(name = "Parent")
    @Operation(summary = "The family's account: balance (positive owes) and every charge, payment, refund and credit, "
            + "newest first")
    FamilyAccount own(CurrentSchool school, Caller caller) {
        return accounts.ofCaller(school.id(), caller);
    }

    @GetMapping(path = "/api/v1/admin/payees/{id}/account", produces = "application/json")
    @Tag(name = "Admin")
    @Operation(summary = "A family's account")
    FamilyAccount ofFamily(CurrentSchool school, Caller caller, @PathVariable UUID id) {
        return accounts.ofFamily(school.id(), caller.email(), id, "account");
    }

    @PostMapping(path = "/api/v1/admin/payees/{id}/payments", produces = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Tag(name = "Admin")
    @Operation(summary = "Records money received outside Stripe (cash, cheque, e-Transfer); the family gets a receipt")
    LedgerEntry received(CurrentSchool school, Caller caller, @PathVariable UUID id,
                         @Valid @RequestBody OutsidePayment payment) {
        return accounts.received(school.id(), caller.email(), id, payment);
    }
}
