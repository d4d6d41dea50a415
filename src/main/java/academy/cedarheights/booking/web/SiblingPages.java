package academy.cedarheights.booking.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import academy.cedarheights.booking.BatchBooking;
import academy.cedarheights.booking.BookSlot;
import academy.cedarheights.booking.Bookings;
import academy.cedarheights.booking.OpenSlots;
import academy.cedarheights.booking.ParentBookings;
import academy.cedarheights.booking.SiblingDiscount;
import academy.cedarheights.booking.SlotFilter;
import academy.cedarheights.families.FamilyProfile;
import academy.cedarheights.families.Student;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.ConflictWithCurrentState;
import academy.cedarheights.platform.web.FormValues;
import academy.cedarheights.platform.web.InvalidField;
import academy.cedarheights.platform.web.WebPage;
import academy.cedarheights.schools.BillingPlan;
import academy.cedarheights.schools.Schools;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Booking several children at once: for each child, the free slots of their instrument that they are of an age for;
 * one plan for all; held together or not at all.
 */
@WebPage
class SiblingPages {

    private final ParentBookings bookings;
    private final FamilyProfile families;
    private final OpenSlots openSlots;
    private final Schools schools;
    private final Clock clock;
    private final SiblingDiscount siblings;

    SiblingPages(ParentBookings bookings, FamilyProfile families, OpenSlots openSlots, Schools schools, Clock clock,
                 SiblingDiscount siblings) {
        this.siblings = siblings;
        this.bookings = bookings;
        this.families = families;
        this.openSlots = openSlots;
        this.schools = schools;
        this.clock = clock;
    }

    /** A child with the slots they could have. */
    record ChildSlots(Student child, List<Choice> slots) {
    }

    record Choice(String id, String words) {
    }

    @GetMapping("/parent/book-together")
    String form(CurrentSchool school, Caller caller, Model model) {
        return page(school, caller, model, null, Map.of());
    }

    @PostMapping("/parent/book-together")
    String book(CurrentSchool school, Caller caller, @RequestParam Map<String, String> form, Model model,
                HttpServletResponse response) {
        List<Student> children = families.children(school.id(), caller);
        List<BookSlot> wanted = new ArrayList<>();
        BillingPlan plan = BillingPlan.of(form.get("billing_plan")).orElse(null);
        for (Student child : children) {
            UUID slot = FormValues.uuid(form.get("slot_" + child.id()));
            if (slot != null) {
                wanted.add(new BookSlot(child.id(), slot, plan, null));
            }
        }
        String problem = wanted.size() < 2 ? "Please choose a slot for at least two children."
                : plan == null ? "Please choose a plan." : null;
        if (problem == null) {
            try {
                bookings.bookAll(school.id(), caller, new BatchBooking(wanted), null);
                return "redirect:/parent";
            } catch (InvalidField | ConflictWithCurrentState refused) {
                problem = refused.getMessage() + namedChild(refused, wanted, children);
            }
        }
        response.setStatus(problem.startsWith("Please") ? 400 : 409);
        return page(school, caller, model, problem, form);
    }

    /** Which child a refusal of {@code bookings[i]} is about, in the family's words. */
    private static String namedChild(RuntimeException refused, List<BookSlot> wanted, List<Student> children) {
        String where = refused instanceof InvalidField field ? field.field() : refused.getMessage();
        for (int i = 0; i < wanted.size(); i++) {
            if (where.startsWith("bookings[" + i + "]")) {
                UUID student = wanted.get(i).studentId();
                return children.stream().filter(child -> child.id().equals(student)).findFirst()
                        .map(child -> " (" + child.name() + "'s slot; nothing was booked)").orElse("");
            }
        }
        return "";
    }

    /** The free slots of the child's instrument. */
    private List<Choice> choices(CurrentSchool school, Student child) {
        return openSlots.find(school.id(), new SlotFilter(null, null, child.instrumentId(), true, true)).stream()
                .map(slot -> new Choice(slot.id().toString(), PublicPages.describe(slot))).toList();
    }

    private String page(CurrentSchool school, Caller caller, Model model, String problem, Map<String, String> form) {
        LocalDate today = LocalDate.now(clock.withZone(school.timeZone()));
        List<ChildSlots> children = families.children(school.id(), caller).stream()
                .map(child -> new ChildSlots(child, Bookings.ofAge(child.birthDate(), today) ? choices(school, child)
                        : List.of()))
                .toList();
        model.addAttribute("children", children);
        model.addAttribute("plans", schools.profile(school.id()).plans());
        model.addAttribute("siblingPercent", siblings.schoolPercent(school.id()));
        model.addAttribute("problem", problem);
        model.addAttribute("form", form);
        return "booking/book-together";
    }
}
