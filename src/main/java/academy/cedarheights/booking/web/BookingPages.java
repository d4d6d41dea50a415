package academy.cedarheights.booking.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import academy.cedarheights.booking.BookSlot;
import academy.cedarheights.booking.BookingAccepted;
import academy.cedarheights.booking.BookingStatus;
import academy.cedarheights.booking.Bookings;
import academy.cedarheights.booking.CancellationTerms;
import academy.cedarheights.booking.OpenSlot;
import academy.cedarheights.booking.OpenSlots;
import academy.cedarheights.booking.ParentBookings;
import academy.cedarheights.booking.SiblingDiscount;
import academy.cedarheights.families.Consent;
import academy.cedarheights.families.Consents;
import academy.cedarheights.families.FamilyProfile;
import academy.cedarheights.families.Student;
import academy.cedarheights.families.StudentDetails;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.ConflictWithCurrentState;
import academy.cedarheights.platform.web.FormErrors;
import academy.cedarheights.platform.web.FormValues;
import academy.cedarheights.platform.web.InvalidField;
import academy.cedarheights.platform.web.InvalidFields;
import academy.cedarheights.platform.web.NoSuchRecord;
import academy.cedarheights.platform.web.WebPage;
import academy.cedarheights.schools.BillingPlan;
import academy.cedarheights.schools.Calendars;
import academy.cedarheights.schools.Catalogue;
import academy.cedarheights.schools.InstrumentView;
import academy.cedarheights.schools.PlanQuotes;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The booking journey: a chosen slot, the child (picked or added with the school's consent), the plan with what it
 * costs, then the provisional booking and a status page that follows it until it is active. The family's bookings
 * with cancel are the portal's home.
 */
@WebPage
class BookingPages {

    private final OpenSlots openSlots;
    private final ParentBookings bookings;
    private final FamilyProfile families;
    private final Catalogue catalogue;
    private final Calendars calendars;
    private final PlanQuotes quotes;
    private final Validator validator;
    private final Clock clock;
    private final CancellationTerms cancellationTerms;
    private final SiblingDiscount siblings;

    BookingPages(OpenSlots openSlots, ParentBookings bookings, FamilyProfile families, Catalogue catalogue,
                 Calendars calendars, PlanQuotes quotes, Validator validator, Clock clock,
                 CancellationTerms cancellationTerms, SiblingDiscount siblings) {
        this.siblings = siblings;
        this.cancellationTerms = cancellationTerms;
        this.openSlots = openSlots;
        this.bookings = bookings;
        this.families = families;
        this.catalogue = catalogue;
        this.calendars = calendars;
        this.quotes = quotes;
        this.validator = validator;
        this.clock = clock;
    }

    /**
     * A child the family could book this slot for; or, with {@code unfit}, why not (the slot's teacher does not teach
     * their instrument, or they are not of an age the school teaches on the first lesson).
     */
    record ChildChoice(UUID id, String name, String unfit) {

        static ChildChoice of(Student child, OpenSlot slot, List<InstrumentView> taught, LocalDate firstLesson) {
            String unfit = null;
            if (taught.stream().noneMatch(instrument -> instrument.id().equals(child.instrumentId()))) {
                unfit = slot.teacherName() + " does not teach their instrument";
            } else if (firstLesson != null && !Bookings.ofAge(child.birthDate(), firstLesson)) {
                unfit = "lessons are for ages " + Bookings.YOUNGEST + " to " + Bookings.OLDEST;
            }
            return new ChildChoice(child.id(), child.name(), unfit);
        }
    }

    /** A booking with what the family needs to recognise it. */
    record BookingLine(BookingStatus booking, String student, String slot) {
    }

    @GetMapping("/book/{slot}")
    String choose(CurrentSchool school, Caller caller, @PathVariable("slot") UUID slotId, Model model) {
        if (!caller.emailVerified()) {
            return confirmAddressFirst(slotId);
        }
        if (!families.hasProfile(school.id(), caller)) {
            return "redirect:/parent/profile?next=/book/" + slotId;
        }
        return form(school, caller, slot(school, slotId), model, FormErrors.none(), Map.of());
    }

    @PostMapping("/book/{slot}")
    String book(CurrentSchool school, Caller caller, @PathVariable("slot") UUID slotId,
                @RequestParam Map<String, String> submitted, Model model, HttpServletResponse response) {
        if (!caller.emailVerified()) {
            return confirmAddressFirst(slotId);
        }
        OpenSlot slot = slot(school, slotId);
        Map<String, String> form = new HashMap<>(submitted);
        FormErrors errors = FormErrors.none();
        BillingPlan plan = BillingPlan.of(form.get("billing_plan")).orElse(null);
        if (plan == null) {
            errors.add("billing_plan", "Please choose a plan.");
        }
        UUID student = null;
        String chosen = form.getOrDefault("student_id", "");
        if (chosen.equals("new")) {
            StudentDetails child = newChild(form);
            errors = merge(errors, FormErrors.of(validator, child));
            if (!errors.any()) {
                try {
                    student = families.addChild(school.id(), caller, child, Consent.How.PAGE).id();
                    // should the booking fail now, the form offers the child just added rather than adding them twice
                    form.put("student_id", student.toString());
                } catch (InvalidField | InvalidFields refused) {
                    errors = FormErrors.of(refused);
                }
            }
        } else if (FormValues.uuid(chosen) != null) {
            student = FormValues.uuid(chosen);
        } else {
            errors.add("student_id", "Please choose a child, or add one.");
        }
        if (errors.any()) {
            response.setStatus(400);
            return form(school, caller, slot, model, errors, form);
        }
        try {
            BookingAccepted accepted = bookings.book(school.id(), caller, new BookSlot(student, slotId, plan, null), null);
            return "redirect:/parent/bookings/" + accepted.trackingId();
        } catch (ConflictWithCurrentState | InvalidField refused) {
            response.setStatus(409);
            return form(school, caller, slot, model, FormErrors.none().add("form", refused.getMessage()), form);
        }
    }

    /** Holding a slot needs a proven address: the page that says where the link went, and back here after. */
    private static String confirmAddressFirst(UUID slotId) {
        return "redirect:/verify-email/sent?next=/book/" + slotId;
    }

    @GetMapping("/parent/bookings/{tracking}")
    String status(CurrentSchool school, Caller caller, @PathVariable("tracking") UUID tracking,
                  @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        BookingStatus booking = bookings.status(school.id(), caller, tracking);
        model.addAttribute("line", lines(school, caller, List.of(booking)).get(0));
        return htmx != null ? "booking/status :: status" : "booking/status";
    }

    @GetMapping("/parent")
    String portal(CurrentSchool school, Caller caller, Model model) {
        model.addAttribute("children", families.children(school.id(), caller));
        model.addAttribute("bookings", lines(school, caller, bookings.list(school.id(), caller)));
        model.addAttribute("paymentMethod", bookings.paymentMethod(school.id(), caller).orElse(null));
        return "booking/portal";
    }

    @GetMapping("/parent/bookings/{tracking}/cancel")
    String confirmCancel(CurrentSchool school, Caller caller, @PathVariable("tracking") UUID tracking, Model model) {
        BookingLine line = lines(school, caller, List.of(bookings.status(school.id(), caller, tracking))).get(0);
        model.addAttribute("student", line.student());
        model.addAttribute("lesson", line.slot());
        model.addAttribute("plan", line.booking().billingPlan());
        model.addAttribute("comesBack", cancellationTerms.onCancelling(school.id(), line.booking().enrollmentId())
                .orElse(null));
        model.addAttribute("action", "/parent/bookings/" + tracking + "/cancel");
        model.addAttribute("back", "/parent");
        model.addAttribute("askReason", false);
        return "booking/confirm-cancel";
    }

    @PostMapping("/parent/bookings/{tracking}/cancel")
    String cancel(CurrentSchool school, Caller caller, @PathVariable("tracking") UUID tracking) {
        bookings.cancel(school.id(), caller, tracking);
        return "redirect:/parent";
    }

    private String form(CurrentSchool school, Caller caller, OpenSlot slot, Model model, FormErrors errors,
                        Map<String, String> form) {
        LocalDate today = LocalDate.now(clock.withZone(school.timeZone()));
        LocalDate first = calendars.of(school.id()).firstLesson(slot.weekday(), today).orElse(null);
        model.addAttribute("slot", slot);
        model.addAttribute("weekday", PublicPages.weekdayName(slot.weekday()));
        model.addAttribute("firstLesson", first);
        model.addAttribute("quotes", first == null ? List.of() : quotes.all(school.id(), slot.weekday(), first));
        model.addAttribute("siblingPercent", !families.hasProfile(school.id(), caller) ? 0
                : siblings.percentForNewBooking(school.id(), families.payee(school.id(), caller).id()));
        List<InstrumentView> taught = catalogue.instrumentsTaughtBy(school.id(), slot.teacherId());
        model.addAttribute("children", families.children(school.id(), caller).stream()
                .map(child -> ChildChoice.of(child, slot, taught, first)).toList());
        model.addAttribute("instruments", taught);
        model.addAttribute("errors", errors);
        // the statement the consent ledger versions by its hash: one text, here and there
        model.addAttribute("policyStatement", Consents.POLICY_STATEMENT);
        model.addAttribute("form", form);
        return "booking/book";
    }

    private OpenSlot slot(CurrentSchool school, UUID slotId) {
        return openSlots.withIds(school.id(), List.of(slotId)).stream().filter(OpenSlot::active).findFirst()
                .orElseThrow(() -> new NoSuchRecord("timeslot", slotId));
    }

    /** The bookings with their child's name and their slot in words: two queries, whatever their number. */
    private List<BookingLine> lines(CurrentSchool school, Caller caller, List<BookingStatus> statuses) {
        Map<UUID, String> children = families.children(school.id(), caller).stream()
                .collect(Collectors.toMap(Student::id, Student::name));
        Map<UUID, OpenSlot> slots = openSlots.withIds(school.id(), statuses.stream().map(BookingStatus::timeslotId).toList())
                .stream().collect(Collectors.toMap(OpenSlot::id, Function.identity()));
        return statuses.stream().map(booking -> {
            OpenSlot slot = slots.get(booking.timeslotId());
            String when = slot == null ? "" : PublicPages.describe(slot);
            return new BookingLine(booking, children.getOrDefault(booking.studentId(), ""), when);
        }).toList();
    }

    private static StudentDetails newChild(Map<String, String> form) {
        Boolean consent = form.containsKey("consent_policy_accepted") ? Boolean.TRUE : null;
        return new StudentDetails(form.getOrDefault("name", "").trim(), FormValues.date(form.get("birth_date")),
                FormValues.uuid(form.get("instrument_id")), null, consent);
    }

    private static FormErrors merge(FormErrors first, FormErrors second) {
        second.all().forEach(first::add);
        return first;
    }
}
