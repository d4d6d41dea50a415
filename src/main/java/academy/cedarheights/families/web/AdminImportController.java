package academy.cedarheights.families.web;

import academy.cedarheights.families.FamilyImport;
import academy.cedarheights.families.ImportResult;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Families moving in from a spreadsheet: the CSV is the body. */
@RestController
@RequestMapping(path = "/api/v1/admin/import", produces = "application/json")
@Tag(name = "Admin: families")
class AdminImportController {

    private final FamilyImport imports;

    AdminImportController(FamilyImport imports) {
        this.imports = imports;
    }

    @PostMapping(path = "/families", consumes = {"text/csv", "text/plain"})
    @Operation(summary = "Imports families and children from CSV (parent_name, parent_email, parent_phone, child_name, "
            + "birth_date, instrument); idempotent by email and child name; dry_run reports without writing")
    ImportResult families(CurrentSchool school, Caller caller, @RequestBody String csv,
                          @RequestParam(name = "dry_run", defaultValue = "false") boolean dryRun) {
        return imports.run(school.id(), caller.email(), csv, dryRun);
    }
}
