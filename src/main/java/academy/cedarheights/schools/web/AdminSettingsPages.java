package academy.cedarheights.schools.web;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import academy.cedarheights.platform.Money;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.Amounts;
import academy.cedarheights.platform.web.FormErrors;
import academy.cedarheights.platform.web.FormValues;
import academy.cedarheights.platform.web.WebPage;
import academy.cedarheights.schools.SchoolSettings;
import academy.cedarheights.schools.Settings;
import academy.cedarheights.schools.SettingsView;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The school's settings: name and zone, lesson rules (hold length, make-up allowance), prices and admins. */
@WebPage
class AdminSettingsPages {

    private final Settings settings;
    private final Validator validator;

    AdminSettingsPages(Settings settings, Validator validator) {
        this.settings = settings;
        this.validator = validator;
    }

    @GetMapping("/admin/settings")
    String show(CurrentSchool school, @RequestParam(name = "saved", required = false) String saved, Model model) {
        model.addAttribute("saved", saved != null);
        SettingsView current = settings.of(school.id());
        model.addAttribute("address", current.baseUrl());
        return page(model, FormErrors.none(), typed(current));
    }

    @PostMapping("/admin/settings")
    String save(CurrentSchool school, Caller caller, @RequestParam Map<String, String> form, Model model,
                HttpServletResponse response) {
        SettingsView current = settings.of(school.id());
        String currency = current.currency();
        model.addAttribute("address", current.baseUrl());
        FormErrors errors = FormErrors.none();
        Long monthly = price(form, "monthly", errors);
        Long semester = price(form, "semester_per_lesson", errors);
        Long yearly = price(form, "yearly_per_lesson", errors);
        BigDecimal taxRate = taxRate(form, errors);
        if (!errors.any()) {
            SchoolSettings request = new SchoolSettings(form.get("name"), form.get("time_zone"),
                    FormValues.number(form.get("lesson_minutes")), FormValues.number(form.get("provisional_hold_days")),
                    FormValues.number(form.get("makeup_allowance_per_semester")),
                    new SchoolSettings.Prices(Money.of(monthly, currency), Money.of(semester, currency),
                            Money.of(yearly, currency)),
                    Arrays.stream(form.getOrDefault("admin_emails", "").split("[\\s,]+")).filter(line -> !line.isBlank()).toList(),
                    FormValues.text(form.get("brand_color")), FormValues.text(form.get("contact_email")),
                    FormValues.number(form.get("max_holds_without_card")), form.getOrDefault("custom_domain", ""),
                    FormValues.number(form.get("payment_grace_days")),
                    form.containsKey("acss_debit") ? List.of("card", "acss_debit") : List.of("card"),
                    FormValues.number(form.get("renewal_notice_days")), FormValues.number(form.get("renewal_grace_days")),
                    FormValues.number(form.get("min_lessons_in_term")), form.get("cancellation_refund"),
                    taxRate, form.getOrDefault("tax_registration", ""),
                    form.getOrDefault("postal_address", ""), form.containsKey("monthly_pauses_for_closures"),
                    FormValues.number(form.get("waitlist_offer_hours")),
                    FormValues.number(form.get("sibling_discount_percent")), form.getOrDefault("privacy_officer", ""));
            errors = FormErrors.submit(validator, request, valid -> settings.replace(school.id(), caller.email(), valid));
        }
        if (!errors.any()) {
            return "redirect:/admin/settings?saved";
        }
        model.addAttribute("saved", false);
        return AdminCataloguePages.refused(response, page(model, errors, form));
    }

    /** The typed tax rate ("5", "14.975"); null (with the field's error) when it is not a number. */
    private static BigDecimal taxRate(Map<String, String> form, FormErrors errors) {
        String typed = form.getOrDefault("tax_rate_percent", "").trim();
        if (typed.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(typed.replace(',', '.'));
        } catch (NumberFormatException notANumber) {
            errors.add("tax_rate_percent", "must be a percentage such as 5 or 14.975");
            return null;
        }
    }

    private static String page(Model model, FormErrors errors, Map<String, String> form) {
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        return "schools/settings";
    }

    private static Map<String, String> typed(SettingsView view) {
        Map<String, String> form = new HashMap<>();
        form.put("name", view.name());
        form.put("time_zone", view.timeZone());
        form.put("lesson_minutes", String.valueOf(view.lessonMinutes()));
        form.put("provisional_hold_days", String.valueOf(view.provisionalHoldDays()));
        form.put("makeup_allowance_per_semester", String.valueOf(view.makeupAllowancePerSemester()));
        form.put("max_holds_without_card", String.valueOf(view.maxHoldsWithoutCard()));
        form.put("payment_grace_days", String.valueOf(view.paymentGraceDays()));
        form.put("renewal_notice_days", String.valueOf(view.yearRules().renewalNoticeDays()));
        form.put("renewal_grace_days", String.valueOf(view.yearRules().renewalGraceDays()));
        form.put("min_lessons_in_term", String.valueOf(view.yearRules().minLessonsInTerm()));
        form.put("cancellation_refund", view.yearRules().cancellationRefund());
        form.put("tax_rate_percent", view.yearRules().taxRatePercent().stripTrailingZeros().toPlainString());
        form.put("tax_registration", Objects.toString(view.yearRules().taxRegistration(), ""));
        form.put("postal_address", Objects.toString(view.yearRules().postalAddress(), ""));
        form.put("waitlist_offer_hours", String.valueOf(view.waitlistOfferHours()));
        form.put("sibling_discount_percent", String.valueOf(view.siblingDiscountPercent()));
        if (view.yearRules().monthlyPausesForClosures()) {
            form.put("monthly_pauses_for_closures", "on");
        }
        if (view.paymentMethods().contains("acss_debit")) {
            form.put("acss_debit", "on");
        }
        form.put("monthly", Amounts.typed(view.prices().monthly().amount()));
        form.put("semester_per_lesson", Amounts.typed(view.prices().semesterPerLesson().amount()));
        form.put("yearly_per_lesson", Amounts.typed(view.prices().yearlyPerLesson().amount()));
        form.put("admin_emails", String.join("\n", view.adminEmails()));
        form.put("brand_color", view.brandColor() == null ? "" : view.brandColor());
        form.put("contact_email", view.contactEmail() == null ? "" : view.contactEmail());
        form.put("privacy_officer", view.privacyOfficer() == null ? "" : view.privacyOfficer());
        form.put("custom_domain", view.customDomain() == null ? "" : view.customDomain());
        return form;
    }

    private static Long price(Map<String, String> form, String field, FormErrors errors) {
        Long cents = Amounts.cents(form.get(field));
        if (cents == null) {
            errors.add("prices." + field + ".amount", "must be an amount such as 140.00");
        }
        return cents;
    }
}
