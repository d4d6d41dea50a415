package academy.cedarheights.operations.web;

import java.time.Period;
import java.util.List;

import academy.cedarheights.operations.InactiveFamilies;
import academy.cedarheights.operations.Retention;
import academy.cedarheights.platform.privacy.PrivacyProperties;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.WebPage;
import academy.cedarheights.schools.Settings;
import academy.cedarheights.schools.SettingsView;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Privacy as a school tells it: to its families, the notice every page and email links to (who answers for their
 * information, what is kept and how long — the schedule that runs — and how to see, correct, withdraw or ask to be
 * forgotten); to its admins, the schedule.
 */
@WebPage
class PrivacyPages {

    private final Retention retention;
    private final Settings settings;
    private final InactiveFamilies inactive;
    private final PrivacyProperties privacy;

    PrivacyPages(Retention retention, Settings settings, InactiveFamilies inactive, PrivacyProperties privacy) {
        this.retention = retention;
        this.settings = settings;
        this.inactive = inactive;
        this.privacy = privacy;
    }

    /** A line of the schedule as the page shows it. */
    record Line(String what, String keptFor, String why) {
    }

    /** The schedule as it runs, and the families it offers for erasure. */
    @GetMapping("/admin/privacy")
    String schedule(CurrentSchool school, Model model) {
        model.addAttribute("lines", lines());
        model.addAttribute("inactive", inactive.of(school.id()));
        model.addAttribute("inactiveYears", privacy.inactiveFamilyYears());
        return "operations/privacy";
    }

    /** The school's privacy notice, open to anyone: a family reads it before it signs up. */
    @GetMapping("/privacy")
    String notice(CurrentSchool school, Model model) {
        SettingsView view = settings.of(school.id());
        model.addAttribute("officer", view.privacyOfficer());
        model.addAttribute("contact", view.contactEmail());
        model.addAttribute("schoolName", view.name());
        model.addAttribute("lines", lines());
        model.addAttribute("financialYears", privacy.financialRetentionYears());
        model.addAttribute("inactiveYears", privacy.inactiveFamilyYears());
        return "operations/privacy-notice";
    }

    private List<Line> lines() {
        return retention.schedule().stream()
                .map(rule -> new Line(rule.what(), inWords(rule.keptFor()), rule.why())).toList();
    }

    /** "7 days", "1 year", "7 years"; none at all: "until it expires". */
    static String inWords(Period period) {
        if (period.isZero()) {
            return "until it expires";
        }
        if (period.getYears() > 0 && period.getMonths() == 0 && period.getDays() == 0) {
            return period.getYears() + (period.getYears() == 1 ? " year" : " years");
        }
        if (period.getYears() == 0 && period.getMonths() == 0) {
            return period.getDays() + (period.getDays() == 1 ? " day" : " days");
        }
        return period.toString();
    }
}
