package academy.cedarheights.operations.web;

import java.util.UUID;

import academy.cedarheights.platform.audit.AuditTrail;
import academy.cedarheights.platform.jobs.DeadLetterQueue;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.FormValues;
import academy.cedarheights.platform.web.InvalidField;
import academy.cedarheights.platform.web.PageQuery;
import academy.cedarheights.platform.web.WebPage;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** What happened behind the scenes: background jobs that gave up (with retry) and the audit log. */
@WebPage
class AdminRecordPages {

    static final int AUDIT_ENTRIES_SHOWN = 200;
    private final DeadLetterQueue deadLetters;
    private final AuditTrail audit;

    AdminRecordPages(DeadLetterQueue deadLetters, AuditTrail audit) {
        this.deadLetters = deadLetters;
        this.audit = audit;
    }

    @GetMapping("/admin/dead-letters")
    String deadLetters(CurrentSchool school, Model model) {
        model.addAttribute("letters", deadLetters.page(school.id(), new PageQuery(0, 100, null)).items());
        return "operations/dead-letters";
    }

    @PostMapping("/admin/dead-letters/{id}/retry")
    String retry(CurrentSchool school, Caller caller, @PathVariable("id") UUID id) {
        deadLetters.retry(school.id(), caller.email(), id);
        return "redirect:/admin/dead-letters";
    }

    @GetMapping("/admin/audit")
    String audit(CurrentSchool school, @RequestParam(name = "actor", required = false) String actor,
                 @RequestParam(name = "from", required = false) String from,
                 @RequestParam(name = "to", required = false) String to, Model model, HttpServletResponse response) {
        AuditFilter filter;
        try {
            filter = new AuditFilter(actor, FormValues.date(from), FormValues.date(to));
        } catch (InvalidField backwards) {
            response.setStatus(400);
            model.addAttribute("problem", "The last day must not be before the first.");
            filter = new AuditFilter(actor, null, null);
        }
        model.addAttribute("filter", filter);
        model.addAttribute("entries", filter.page(audit, school.id(), school.timeZone(),
                new PageQuery(0, AUDIT_ENTRIES_SHOWN, null)).items());
        return "operations/audit";
    }
}
