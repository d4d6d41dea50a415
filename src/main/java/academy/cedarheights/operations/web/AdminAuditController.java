package academy.cedarheights.operations.web;

import java.time.LocalDate;

import academy.cedarheights.platform.audit.AuditTrail;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.Page;
import academy.cedarheights.platform.web.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The school's audit log: who changed or read what, and when. */
@RestController
@RequestMapping(path = "/api/v1/admin/audit", produces = "application/json")
@Tag(name = "Admin")
class AdminAuditController {

    private final AuditTrail audit;

    AdminAuditController(AuditTrail audit) {
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "The audit log, newest first; from and to are days in the school's time zone, both included")
    Page<AuditTrail.Record> page(CurrentSchool school, @RequestParam(name = "actor", required = false) String actor,
                                 @RequestParam(name = "from", required = false) LocalDate from,
                                 @RequestParam(name = "to", required = false) LocalDate to,
                                 @Valid @ParameterObject PageQuery page) {
        return new AuditFilter(actor, from, to).page(audit, school.id(), school.timeZone(), page);
    }
}
