package academy.cedarheights.schools.web;

import java.util.List;
import java.util.UUID;

import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.schools.Catalogue;
import academy.cedarheights.schools.InstrumentView;
import academy.cedarheights.schools.PlanPrice;
import academy.cedarheights.schools.SchoolProfile;
import academy.cedarheights.schools.Schools;
import academy.cedarheights.schools.TeacherProfile;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public discovery of a school: who it is, what it teaches, who teaches and what it costs. No sign-in. */
@RestController
@RequestMapping(path = "/api/v1/public", produces = "application/json")
@Tag(name = "Public", description = "A school's catalogue, open to anyone")
class PublicSchoolController {

    private final Schools schools;
    private final Catalogue catalogue;

    PublicSchoolController(Schools schools, Catalogue catalogue) {
        this.schools = schools;
        this.catalogue = catalogue;
    }

    @GetMapping("/school")
    @Operation(summary = "The selected school with its lesson length and plan prices")
    SchoolProfile school(CurrentSchool school) {
        return schools.profile(school.id());
    }

    @GetMapping("/pricing")
    @Operation(summary = "The prices of the three billing plans")
    List<PlanPrice> pricing(CurrentSchool school) {
        return schools.profile(school.id()).plans();
    }

    @GetMapping("/instruments")
    @Operation(summary = "Instruments taught at the school")
    List<InstrumentView> instruments(CurrentSchool school) {
        return catalogue.instruments(school.id());
    }

    @GetMapping("/teachers")
    @Operation(summary = "Active teachers, optionally only those teaching one instrument")
    List<TeacherProfile> teachers(CurrentSchool school,
            @Parameter(description = "only teachers of this instrument")
            @RequestParam(name = "instrument_id", required = false) UUID instrumentId) {
        return catalogue.activeTeachers(school.id(), instrumentId);
    }
}
