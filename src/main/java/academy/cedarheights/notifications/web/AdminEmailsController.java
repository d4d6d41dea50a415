package academy.cedarheights.notifications.web;

import java.util.UUID;

import academy.cedarheights.notifications.EmailLog;
import academy.cedarheights.notifications.LoggedEmail;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.Page;
import academy.cedarheights.platform.web.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The email log; without Mailjet or SMTP it is the outbox, with every rendered email readable here. */
@RestController
@RequestMapping(path = "/api/v1/admin/emails", produces = "application/json")
@Tag(name = "Admin: operations")
class AdminEmailsController {

    private final EmailLog emails;

    AdminEmailsController(EmailLog emails) {
        this.emails = emails;
    }

    @GetMapping
    @Operation(summary = "The email log, newest first, with each email's text")
    Page<LoggedEmail> list(CurrentSchool school, @RequestParam(name = "recipient", required = false) String recipient,
                           @RequestParam(name = "template", required = false) String template,
                           @RequestParam(name = "status", required = false) String status,
                           @Valid @ParameterObject PageQuery page) {
        return emails.page(school.id(), recipient, template, status, page);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One email with its HTML body")
    LoggedEmail get(CurrentSchool school, @PathVariable UUID id) {
        return emails.get(school.id(), id);
    }
}
