package academy.cedarheights.notifications.web;

import java.util.UUID;

import academy.cedarheights.notifications.EmailLog;
import academy.cedarheights.notifications.LoggedEmail;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.PageQuery;
import academy.cedarheights.platform.web.WebPage;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The email log, which is also the local outbox when no provider is configured: every email with its delivery,
 * and each one as its recipient sees it.
 */
@WebPage
class AdminEmailPages {

    /** The rendered email runs no script and loads nothing; it is shown as sent, framed by nothing. */
    static final String RENDERED_EMAIL_POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
            + "frame-ancestors 'none'";
    private final EmailLog emails;

    AdminEmailPages(EmailLog emails) {
        this.emails = emails;
    }

    @GetMapping("/admin/emails")
    String list(CurrentSchool school, @RequestParam(name = "status", required = false) String status, Model model) {
        String filter = status != null && status.matches("queued|sent|failed") ? status : null;
        model.addAttribute("status", filter);
        model.addAttribute("emails", emails.page(school.id(), null, null, filter, new PageQuery(0, 100, null)).items());
        return "notifications/emails";
    }

    @GetMapping("/admin/emails/{id}")
    String one(CurrentSchool school, @PathVariable("id") UUID id, Model model) {
        model.addAttribute("email", emails.get(school.id(), id));
        return "notifications/email";
    }

    @GetMapping(path = "/admin/emails/{id}/html", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> rendered(CurrentSchool school, @PathVariable("id") UUID id) {
        LoggedEmail email = emails.get(school.id(), id);
        return ResponseEntity.ok().header("Content-Security-Policy", RENDERED_EMAIL_POLICY)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(email.bodyHtml() != null ? email.bodyHtml() : email.status().equals("queued")
                        ? "<p>Not rendered yet.</p>" : "<p>Removed after a year, as the privacy schedule says.</p>");
    }
}
