package academy.cedarheights.families.web;

import java.util.List;
import java.util.Map;

import academy.cedarheights.families.Consent;
import academy.cedarheights.families.FamilyProfile;
import academy.cedarheights.families.Payee;
import academy.cedarheights.families.ProfileRequest;
import academy.cedarheights.families.ReminderPreferences;
import academy.cedarheights.families.Student;
import academy.cedarheights.families.StudentDetails;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A signed-in parent's own family: profile, children, and everything held about them. */
@RestController
@RequestMapping(path = "/api/v1/parent", produces = "application/json")
@Tag(name = "Parent")
class ParentFamilyController {

    private final FamilyProfile families;

    ParentFamilyController(FamilyProfile families) {
        this.families = families;
    }

    @PostMapping("/payees/self")
    @Operation(summary = "Create (201) or update (200) your family profile; the email is your sign-in's")
    ResponseEntity<Payee> saveProfile(CurrentSchool school, Caller caller, @Valid @RequestBody ProfileRequest request) {
        FamilyProfile.Saved saved = families.save(school.id(), caller, request);
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK).body(saved.payee());
    }

    @GetMapping("/payees/self")
    @Operation(summary = "Your family profile (404 until you create it)")
    Payee profile(CurrentSchool school, Caller caller) {
        return families.profile(school.id(), caller);
    }

    @PostMapping("/students")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a child (4 to 18 years old; consent to the school's policy required)")
    Student addChild(CurrentSchool school, Caller caller, @Valid @RequestBody StudentDetails child) {
        return families.addChild(school.id(), caller, child, Consent.How.API);
    }

    @GetMapping("/students")
    List<Student> children(CurrentSchool school, Caller caller) {
        return families.children(school.id(), caller);
    }

    @GetMapping("/preferences")
    @Operation(summary = "Your lesson reminder choices")
    ReminderPreferences preferences(CurrentSchool school, Caller caller) {
        return families.preferences(school.id(), caller);
    }

    @PutMapping("/preferences")
    @Operation(summary = "Switch lesson reminders by email or text on or off (honoured from the next reminder)")
    ReminderPreferences choose(CurrentSchool school, Caller caller, @Valid @RequestBody ReminderPreferences preferences) {
        return families.choose(school.id(), caller, preferences, Consent.How.API);
    }

    @GetMapping("/consents")
    @Operation(summary = "Your consent ledger: each consent and withdrawal, oldest first, never overwritten")
    List<Consent> consents(CurrentSchool school, Caller caller) {
        return families.consents(school.id(), caller);
    }

    @GetMapping("/export")
    @Operation(summary = "Everything the school holds about your family, as one JSON document")
    Map<String, Object> export(CurrentSchool school, Caller caller) {
        return families.export(school.id(), caller);
    }
}
