package academy.cedarheights.families.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import academy.cedarheights.families.Payees;
import academy.cedarheights.families.Student;
import academy.cedarheights.families.Students;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.PageQuery;
import academy.cedarheights.platform.web.WebPage;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The school's families: who pays, how to reach them, and their children. */
@WebPage
class AdminFamilyPages {

    static final PageQuery FIRST_PAGE = new PageQuery(0, 200, null);
    private final Payees payees;
    private final Students students;

    AdminFamilyPages(Payees payees, Students students) {
        this.payees = payees;
        this.students = students;
    }

    @GetMapping("/admin/families")
    String list(CurrentSchool school, @RequestParam(name = "search", required = false) String search, Model model) {
        String term = search == null || search.isBlank() ? null : search.trim();
        Map<UUID, List<Student>> children = students.list(school.id(), null, null, FIRST_PAGE).items().stream()
                .collect(Collectors.groupingBy(Student::payeeId));
        model.addAttribute("search", term);
        model.addAttribute("families", payees.list(school.id(), null, term, FIRST_PAGE).items());
        model.addAttribute("children", children);
        return "families/admin-families";
    }
}
