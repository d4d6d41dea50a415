package academy.cedarheights.operations.web;

import java.time.Period;
import java.util.List;

import academy.cedarheights.operations.Retention;
import academy.cedarheights.platform.web.WebPage;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The privacy retention schedule as it runs: what goes, after how long, and why. */
@WebPage
class PrivacyPages {

    private final Retention retention;

    PrivacyPages(Retention retention) {
        this.retention = retention;
    }

    /** A line of the schedule as the page shows it. */
    record Line(String what, String keptFor, String why) {
    }

    @GetMapping("/admin/privacy")
    String schedule(Model model) {
        List<Line> lines = retention.schedule().stream()
                .map(rule -> new Line(rule.what(), inWords(rule.keptFor()), rule.why())).toList();
        model.addAttribute("lines", lines);
        return "operations/privacy";
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
