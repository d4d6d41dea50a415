package academy.cedarheights.schools.web;

import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.schools.SchoolSettings;
import academy.cedarheights.schools.Settings;
import academy.cedarheights.schools.SettingsView;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/admin/settings", produces = "application/json")
@Tag(name = "Admin: catalogue")
class AdminSettingsController {

    private final Settings settings;

    AdminSettingsController(Settings settings) {
        this.settings = settings;
    }

    @GetMapping
    SettingsView get(CurrentSchool school) {
        return settings.of(school.id());
    }

    @PutMapping
    SettingsView replace(CurrentSchool school, Caller caller, @Valid @RequestBody SchoolSettings request) {
        return settings.replace(school.id(), caller.email(), request);
    }
}
