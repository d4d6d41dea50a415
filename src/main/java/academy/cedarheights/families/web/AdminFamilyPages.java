package academy.cedarheights.families.web;

import java.util.Map;

import academy.cedarheights.families.Payee;
import academy.cedarheights.families.PayeeRequest;
import academy.cedarheights.families.Payees;
import academy.cedarheights.families.Students;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.FormErrors;
import academy.cedarheights.platform.web.FormValues;
import academy.cedarheights.platform.web.Page;
import academy.cedarheights.platform.web.PageQuery;
import academy.cedarheights.platform.web.WebPage;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The school's families, a page at a time however many there are, found by any part of a parent's name, email or
 * phone or a child's name; a family is added here and opened on its own page.
 */
@WebPage
class AdminFamilyPages {

    static final int PER_PAGE = 50;
    private final Payees payees;
    private final Students students;
    private final Validator validator;

    AdminFamilyPages(Payees payees, Students students, Validator validator) {
        this.payees = payees;
        this.students = students;
        this.validator = validator;
    }

    @GetMapping("/admin/families")
    String list(CurrentSchool school, @RequestParam(name = "search", required = false) String search,
                @RequestParam(name = "status", required = false) String status,
                @RequestParam(name = "page", defaultValue = "0") String page, Model model) {
        return page(school, search, status, page, model, FormErrors.none(), Map.of());
    }

    @PostMapping("/admin/families")
    String add(CurrentSchool school, Caller caller, @RequestParam Map<String, String> form, Model model,
               HttpServletResponse response) {
        PayeeRequest request = new PayeeRequest(form.getOrDefault("name", ""), form.getOrDefault("email", ""),
                FormValues.text(form.get("phone")), "active", form.get("notes"));
        Payee[] added = new Payee[1];
        FormErrors errors = FormErrors.submit(validator, request,
                valid -> added[0] = payees.create(school.id(), caller.email(), valid));
        if (errors.any()) {
            response.setStatus(400);
            return page(school, null, null, "0", model, errors, form);
        }
        return "redirect:/admin/families/" + added[0].id() + "?added";
    }

    private String page(CurrentSchool school, String search, String status, String page, Model model,
                        FormErrors errors, Map<String, String> form) {
        String term = search == null || search.isBlank() ? null : search.trim();
        String only = "active".equals(status) || "inactive".equals(status) ? status : null;
        int number = page.matches("\\d{1,6}") ? Integer.parseInt(page) : 0;
        Page<Payee> families = payees.list(school.id(), only, term, new PageQuery(number, PER_PAGE, null));
        model.addAttribute("search", term);
        model.addAttribute("status", only);
        model.addAttribute("families", families);
        model.addAttribute("pages", (families.total() + PER_PAGE - 1) / PER_PAGE);
        model.addAttribute("children", students.ofFamilies(school.id(), families.items().stream().map(Payee::id).toList()));
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        return "families/admin-families";
    }
}
