package academy.cedarheights.families.web;

import academy.cedarheights.families.Unsubscribes;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.NoSuchPage;
import academy.cedarheights.platform.web.WebPage;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * An email's unsubscribe link. Opening it asks (a mail scanner that follows links must not unsubscribe anyone); the
 * button, or the mail client's own one-click POST (RFC 8058), stops the emails at once.
 */
@WebPage
class UnsubscribePages {

    private final Unsubscribes unsubscribes;

    UnsubscribePages(Unsubscribes unsubscribes) {
        this.unsubscribes = unsubscribes;
    }

    @GetMapping("/unsubscribe/{token}")
    String ask(CurrentSchool school, @PathVariable("token") String token, Model model) {
        model.addAttribute("what", unsubscribes.describe(school.id(), token).orElseThrow(NoSuchPage::new));
        model.addAttribute("token", token);
        model.addAttribute("done", false);
        return "families/unsubscribe";
    }

    @PostMapping("/unsubscribe/{token}")
    String stop(CurrentSchool school, @PathVariable("token") String token, Model model) {
        String what = unsubscribes.describe(school.id(), token).orElseThrow(NoSuchPage::new);
        unsubscribes.stop(school.id(), token);
        model.addAttribute("what", what);
        model.addAttribute("done", true);
        return "families/unsubscribe";
    }
}
