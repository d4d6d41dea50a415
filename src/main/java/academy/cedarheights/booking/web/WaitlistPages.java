package academy.cedarheights.booking.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import academy.cedarheights.booking.BookingAccepted;
import academy.cedarheights.booking.FamilyWaitlist;
import academy.cedarheights.booking.OfferView;
import academy.cedarheights.booking.WaitRequest;
import academy.cedarheights.booking.Waitlist;
import academy.cedarheights.booking.WaitlistEntry;
import academy.cedarheights.families.FamilyProfile;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.ConflictWithCurrentState;
import academy.cedarheights.platform.web.FormErrors;
import academy.cedarheights.platform.web.FormValues;
import academy.cedarheights.platform.web.InvalidField;
import academy.cedarheights.platform.web.WebPage;
import academy.cedarheights.schools.BillingPlan;
import academy.cedarheights.schools.Catalogue;
import academy.cedarheights.schools.PlanQuotes;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The waitlist's pages: the family's wishes and a form to add one; the page an offer's email opens, to accept it with
 * a plan or decline it; and the school's line, which it can reorder.
 */
@WebPage
class WaitlistPages {

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm", Locale.CANADA);

    private final FamilyWaitlist family;
    private final Waitlist waitlist;
    private final FamilyProfile families;
    private final Catalogue catalogue;
    private final PlanQuotes quotes;
    private final Clock clock;

    WaitlistPages(FamilyWaitlist family, Waitlist waitlist, FamilyProfile families, Catalogue catalogue,
                  PlanQuotes quotes, Clock clock) {
        this.clock = clock;
        this.family = family;
        this.waitlist = waitlist;
        this.families = families;
        this.catalogue = catalogue;
        this.quotes = quotes;
    }

    /**
     * An entry in words: who waits for what, and where they are in line.
     *
     * @param offer the slot held for them and until when, in the school's time; null without one
     */
    record Line(WaitlistEntry entry, String wish, String offer) {
    }

    @GetMapping("/parent/waitlist")
    String parentList(CurrentSchool school, Caller caller, Model model) {
        return parentPage(school, caller, model, FormErrors.none(), Map.of());
    }

    @PostMapping("/parent/waitlist")
    String join(CurrentSchool school, Caller caller, @RequestParam MultiValueMap<String, String> form, Model model,
                HttpServletResponse response) {
        List<Integer> weekdays = form.getOrDefault("weekdays", List.of()).stream().map(FormValues::number).toList();
        WaitRequest request = new WaitRequest(FormValues.uuid(form.getFirst("student_id")),
                FormValues.uuid(form.getFirst("teacher_id")), null, weekdays.isEmpty() ? null : weekdays,
                FormValues.time(form.getFirst("earliest")), FormValues.time(form.getFirst("latest")));
        try {
            if (request.studentId() == null) {
                throw new InvalidField("student_id", "Please choose a child.");
            }
            family.join(school.id(), caller, request);
            return "redirect:/parent/waitlist";
        } catch (InvalidField | ConflictWithCurrentState refused) {
            response.setStatus(refused instanceof InvalidField ? 400 : 409);
            FormErrors errors = refused instanceof InvalidField field ? FormErrors.of(field)
                    : FormErrors.none().add("form", refused.getMessage());
            return parentPage(school, caller, model, errors, form.toSingleValueMap());
        }
    }

    @PostMapping("/parent/waitlist/{id}/withdraw")
    String withdraw(CurrentSchool school, Caller caller, @PathVariable("id") UUID id) {
        family.withdraw(school.id(), caller, id);
        return "redirect:/parent/waitlist";
    }

    private String parentPage(CurrentSchool school, Caller caller, Model model, FormErrors errors,
                              Map<String, String> form) {
        model.addAttribute("lines", family.entries(school.id(), caller).stream().map(entry -> line(entry, school.timeZone())).toList());
        model.addAttribute("children", families.children(school.id(), caller));
        model.addAttribute("teachers", catalogue.activeTeachers(school.id(), null));
        model.addAttribute("weekdays", PublicPages.weekdays());
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        return "booking/waitlist";
    }

    @GetMapping("/parent/offers/{id}")
    String offer(CurrentSchool school, Caller caller, @PathVariable("id") UUID id, Model model) {
        return offerPage(school, caller, id, model, FormErrors.none());
    }

    @PostMapping("/parent/offers/{id}/accept")
    String accept(CurrentSchool school, Caller caller, @PathVariable("id") UUID id,
                  @RequestParam(name = "billing_plan", required = false) String plan, Model model,
                  HttpServletResponse response) {
        BillingPlan chosen = BillingPlan.of(plan).orElse(null);
        if (chosen == null) {
            response.setStatus(400);
            return offerPage(school, caller, id, model, FormErrors.none().add("billing_plan", "Please choose a plan."));
        }
        try {
            BookingAccepted accepted = family.accept(school.id(), caller, id, chosen);
            return "redirect:/parent/bookings/" + accepted.trackingId();
        } catch (ConflictWithCurrentState | InvalidField refused) {
            response.setStatus(409);
            return offerPage(school, caller, id, model, FormErrors.none().add("form", refused.getMessage()));
        }
    }

    @PostMapping("/parent/offers/{id}/decline")
    String decline(CurrentSchool school, Caller caller, @PathVariable("id") UUID id, Model model,
                   HttpServletResponse response) {
        try {
            family.decline(school.id(), caller, id);
            return "redirect:/parent/waitlist";
        } catch (ConflictWithCurrentState refused) {
            response.setStatus(409);
            return offerPage(school, caller, id, model, FormErrors.none().add("form", refused.getMessage()));
        }
    }

    private String offerPage(CurrentSchool school, Caller caller, UUID id, Model model, FormErrors errors) {
        OfferView offer = family.offer(school.id(), caller, id);
        boolean open = offer.openAt(clock.instant());
        model.addAttribute("offer", offer);
        model.addAttribute("open", open);
        model.addAttribute("slot", PublicPages.describe(offer.weekday(), offer.startTime(), offer.teacherName()));
        model.addAttribute("until", MOMENT.format(offer.expiresAt().atZone(school.timeZone())));
        LocalDate first = offer.firstLesson();
        model.addAttribute("quotes", !open || first == null ? List.of() : quotes.all(school.id(), offer.weekday(), first));
        model.addAttribute("errors", errors);
        return "booking/offer";
    }

    @GetMapping("/admin/waitlist")
    String line(CurrentSchool school, Model model) {
        return adminPage(school, model, FormErrors.none());
    }

    @PostMapping("/admin/waitlist/{id}/position")
    String reorder(CurrentSchool school, Caller caller, @PathVariable("id") UUID id,
                   @RequestParam(name = "position", required = false) String position, Model model,
                   HttpServletResponse response) {
        Integer place = FormValues.number(position);
        try {
            if (place == null) {
                throw new InvalidField("position", "must be a number");
            }
            waitlist.moveTo(school.id(), caller.email(), id, place);
            return "redirect:/admin/waitlist";
        } catch (InvalidField refused) {
            response.setStatus(400);
            return adminPage(school, model, FormErrors.of(refused));
        }
    }

    private String adminPage(CurrentSchool school, Model model, FormErrors errors) {
        model.addAttribute("lines", waitlist.inLine(school.id()).stream().map(entry -> line(entry, school.timeZone())).toList());
        model.addAttribute("errors", errors);
        return "booking/admin-waitlist";
    }

    private static Line line(WaitlistEntry entry, ZoneId zone) {
        List<String> parts = new ArrayList<>();
        parts.add(entry.instrumentName());
        if (entry.teacherName() != null) {
            parts.add("with " + entry.teacherName());
        }
        if (entry.weekdays() != null) {
            parts.add("on " + String.join(", ", entry.weekdays().stream().map(day -> PublicPages.weekdayName(day) + "s")
                    .toList()));
        }
        if (entry.earliest() != null) {
            parts.add("from " + entry.earliest());
        }
        if (entry.latest() != null) {
            parts.add("until " + entry.latest());
        }
        OfferView offer = entry.offer();
        return new Line(entry, String.join(" ", parts), offer == null ? null
                : PublicPages.describe(offer.weekday(), offer.startTime(), offer.teacherName())
                        + ", held until " + MOMENT.format(offer.expiresAt().atZone(zone)));
    }
}
