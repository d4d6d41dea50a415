package academy.cedarheights.operations.web;

import java.util.List;

import academy.cedarheights.operations.Dashboard;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/admin/dashboard", produces = "application/json")
@Tag(name = "Admin: operations")
class AdminDashboardController {

    private final Dashboard dashboard;

    AdminDashboardController(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/today")
    @Operation(summary = "Today's lessons in the school's time zone, with attendance")
    Dashboard.Today today(CurrentSchool school) {
        return dashboard.today(school.id(), school.timeZone());
    }

    @GetMapping("/provisionals")
    @Operation(summary = "Provisional holds, oldest first")
    List<Dashboard.AgeingHold> provisionals(CurrentSchool school) {
        return dashboard.provisionals(school.id());
    }

    @GetMapping("/money")
    @Operation(summary = "What families owe, what they paid this month, and the renewals not yet paid")
    Dashboard.MoneyAtAGlance money(CurrentSchool school) {
        return dashboard.money(school.id(), school.timeZone());
    }

    @GetMapping("/payments")
    @Operation(summary = "Recent payments, newest first")
    List<Dashboard.Payment> payments(CurrentSchool school,
                                     @RequestParam(name = "limit", defaultValue = "50") @Min(1) @Max(500) int limit) {
        return dashboard.payments(school.id(), limit);
    }
}
