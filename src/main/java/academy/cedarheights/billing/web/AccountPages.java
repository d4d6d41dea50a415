package academy.cedarheights.billing.web;

import java.util.Map;
import java.util.UUID;

import academy.cedarheights.billing.AccountBook;
import academy.cedarheights.billing.OutsidePayment;
import academy.cedarheights.billing.Receipts;
import academy.cedarheights.billing.Renewals;
import academy.cedarheights.families.FamilyProfile;
import academy.cedarheights.families.Payees;
import academy.cedarheights.platform.Money;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.security.Role;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.Amounts;
import academy.cedarheights.platform.web.FormErrors;
import academy.cedarheights.platform.web.FormValues;
import academy.cedarheights.platform.web.InvalidField;
import academy.cedarheights.platform.web.NoSuchRecord;
import academy.cedarheights.platform.web.PageQuery;
import academy.cedarheights.platform.web.WebPage;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The money pages: the family's payments (balance, history, receipts), a receipt (for its family and the school's
 * admins), the renewal a notice links to, and a family's account in the console with "record a payment".
 */
@WebPage
class AccountPages {

    private final AccountBook accounts;
    private final Receipts receipts;
    private final Renewals renewals;
    private final FamilyProfile families;
    private final Payees payees;
    private final Validator validator;
    private final ReceiptPdf pdf;

    AccountPages(AccountBook accounts, Receipts receipts, Renewals renewals, FamilyProfile families, Payees payees,
                 Validator validator, ReceiptPdf pdf) {
        this.pdf = pdf;
        this.accounts = accounts;
        this.receipts = receipts;
        this.renewals = renewals;
        this.families = families;
        this.payees = payees;
        this.validator = validator;
    }

    @GetMapping("/parent/payments")
    String payments(CurrentSchool school, Caller caller, Model model) {
        model.addAttribute("account", accounts.ofCaller(school.id(), caller));
        model.addAttribute("zone", school.timeZone());
        return "billing/payments";
    }

    /** The family's own receipt, or any of the school's for an admin; anyone else's is not found. */
    @GetMapping("/receipts/{id}")
    String receipt(CurrentSchool school, Caller caller, @PathVariable UUID id, Model model) {
        Receipts.Receipt receipt = readable(school, caller, id);
        model.addAttribute("receipt", receipt);
        model.addAttribute("admin", caller.role() == Role.ADMIN);
        return "billing/receipt";
    }

    @GetMapping(path = "/receipts/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> receiptPdf(CurrentSchool school, Caller caller, @PathVariable UUID id) {
        Receipts.Receipt receipt = readable(school, caller, id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("receipt-" + receipt.number() + ".pdf").build().toString())
                .body(pdf.of(receipt));
    }

    private Receipts.Receipt readable(CurrentSchool school, Caller caller, UUID id) {
        Receipts.Receipt receipt = receipts.of(school.id(), id);
        if (caller.role() != Role.ADMIN && !receipt.payeeId().equals(families.payee(school.id(), caller).id())) {
            throw new NoSuchRecord("receipt", id);
        }
        return receipt;
    }

    @GetMapping("/parent/renewals/{trackingId}")
    String renewal(CurrentSchool school, Caller caller, @PathVariable UUID trackingId, Model model) {
        model.addAttribute("renewal", renewals.pendingOf(school.id(), families.payee(school.id(), caller).id(), trackingId)
                .orElseThrow(() -> new NoSuchRecord("renewal of booking", trackingId)));
        model.addAttribute("trackingId", trackingId);
        return "billing/renewal";
    }

    @PostMapping("/parent/renewals/{trackingId}")
    String answer(CurrentSchool school, Caller caller, @PathVariable UUID trackingId, @RequestParam boolean renew) {
        renewals.answer(school.id(), families.payee(school.id(), caller).id(), trackingId, renew);
        return "redirect:/parent/renewals/" + trackingId + "?answered";
    }

    @GetMapping("/admin/renewals")
    String renewals(CurrentSchool school, Model model) {
        model.addAttribute("renewals", renewals.list(school.id(), null, new PageQuery(0, 500, null)).items());
        return "billing/admin-renewals";
    }

    @GetMapping("/admin/families/{payee}/account")
    String familyAccount(CurrentSchool school, Caller caller, @PathVariable UUID payee, Model model) {
        return accountPage(school, caller, payee, model, FormErrors.none(), Map.of("method", "e_transfer"));
    }

    @PostMapping("/admin/families/{payee}/payments")
    String record(CurrentSchool school, Caller caller, @PathVariable UUID payee, @RequestParam Map<String, String> form,
                  Model model, HttpServletResponse response) {
        String currency = accounts.currency(school.id());
        FormErrors errors;
        Long cents = Amounts.cents(form.get("amount"));
        if (cents == null || cents <= 0) {
            errors = FormErrors.of(new InvalidField("amount", "must be an amount such as 140.00"));
        } else {
            OutsidePayment payment = new OutsidePayment(Money.of(cents, currency), form.get("method"),
                    FormValues.text(form.get("note")), null);
            errors = FormErrors.submit(validator, payment,
                    valid -> accounts.received(school.id(), caller.email(), payee, valid));
        }
        if (!errors.any()) {
            return "redirect:/admin/families/" + payee + "/account?recorded";
        }
        response.setStatus(400);
        return accountPage(school, caller, payee, model, errors, form);
    }

    private String accountPage(CurrentSchool school, Caller caller, UUID payee, Model model, FormErrors errors,
                               Map<String, String> form) {
        model.addAttribute("family", payees.get(school.id(), payee));
        model.addAttribute("account", accounts.ofFamily(school.id(), caller.email(), payee, "account"));
        model.addAttribute("zone", school.timeZone());
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        return "billing/admin-account";
    }
}
