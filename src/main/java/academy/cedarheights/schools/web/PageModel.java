package academy.cedarheights.schools.web;

import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.security.CallerArgumentResolver;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.WebPage;
import academy.cedarheights.schools.SchoolProfile;
import academy.cedarheights.schools.Schools;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout shows: the school (name, prices) and who is signed in, if anyone. */
@ControllerAdvice(annotations = WebPage.class)
class PageModel {

    private final Schools schools;

    PageModel(Schools schools) {
        this.schools = schools;
    }

    @ModelAttribute("school")
    SchoolProfile school(CurrentSchool school) {
        return schools.profile(school.id());
    }

    @ModelAttribute("viewer")
    Caller viewer() {
        return CallerArgumentResolver.current().orElse(null);
    }
}
