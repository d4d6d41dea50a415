package academy.cedarheights.operations.web;

import java.util.UUID;

import academy.cedarheights.platform.audit.AuditTrail;
import academy.cedarheights.platform.jobs.DeadLetterQueue;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.PageQuery;
import academy.cedarheights.platform.web.WebPage;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

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
    String audit(CurrentSchool school, Model model) {
        model.addAttribute("entries", audit.recent(school.id(), AUDIT_ENTRIES_SHOWN));
        return "operations/audit";
    }
}
