package academy.cedarheights.operations.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import academy.cedarheights.billing.AccountBook;
import academy.cedarheights.operations.ReportPeriod;
import academy.cedarheights.operations.Reports;
import academy.cedarheights.operations.Reports.AttendanceLine;
import academy.cedarheights.operations.Reports.PayrollLine;
import academy.cedarheights.operations.Reports.RevenueLine;
import academy.cedarheights.platform.Money;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.FormValues;
import academy.cedarheights.platform.web.Html;
import academy.cedarheights.platform.web.InvalidField;
import academy.cedarheights.platform.web.WebPage;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The owner's reports in the console: a period, a chart drawn on the server, the table and its CSV. A period the
 * owner typed backwards shows the month so far with the reason, never an error page. The chart and the table's rows
 * are written in Java ({@link Html}): an attendance report is a row for each of 500 pupils.
 */
@WebPage
class ReportPages {

    private static final String CHART = "report-chart";
    private final Reports reports;
    private final AccountBook accounts;
    private final Clock clock;

    ReportPages(Reports reports, AccountBook accounts, Clock clock) {
        this.reports = reports;
        this.accounts = accounts;
        this.clock = clock;
    }

    @GetMapping("/admin/reports")
    String index() {
        return "redirect:/admin/reports/payroll";
    }

    @GetMapping("/admin/reports/payroll")
    String payroll(CurrentSchool school, @RequestParam(name = "from", required = false) String from,
                   @RequestParam(name = "to", required = false) String to, Model model, HttpServletResponse response) {
        ReportPeriod period = period(school, from, to, model, response);
        List<PayrollLine> lines = reports.payroll(school, period);
        model.addAttribute("lines", lines);
        String currency = accounts.currency(school.id());
        model.addAttribute("total", Money.of(lines.stream().mapToLong(line -> line.total().amount()).sum(), currency));
        model.addAttribute("chart", ReportCharts.payroll(lines, period, currency).svg(CHART));
        model.addAttribute("rows", Html.rows(lines.stream().map(line -> List.of(line.teacher(), line.lessons(),
                line.makeUps(), line.payPerLesson().shown(), line.total().shown())).toList()));
        return page("payroll", model);
    }

    @GetMapping("/admin/reports/revenue")
    String revenue(CurrentSchool school, @RequestParam(name = "from", required = false) String from,
                   @RequestParam(name = "to", required = false) String to, Model model, HttpServletResponse response) {
        ReportPeriod period = period(school, from, to, model, response);
        List<RevenueLine> lines = reports.revenue(school, period);
        model.addAttribute("lines", lines);
        model.addAttribute("chart", ReportCharts.revenue(lines, period, accounts.currency(school.id())).svg(CHART));
        model.addAttribute("rows", Html.rows(lines.stream().map(line -> List.of(line.month(), line.plan(),
                line.charged().shown(), line.paid().shown(), line.refunded().shown(), line.outstanding().shown())).toList()));
        return page("revenue", model);
    }

    @GetMapping("/admin/reports/attendance")
    String attendance(CurrentSchool school, @RequestParam(name = "from", required = false) String from,
                      @RequestParam(name = "to", required = false) String to, Model model, HttpServletResponse response) {
        ReportPeriod period = period(school, from, to, model, response);
        List<AttendanceLine> lines = reports.attendance(school, period);
        model.addAttribute("lines", lines);
        model.addAttribute("chart", ReportCharts.attendance(lines, period).svg(CHART));
        model.addAttribute("rows", Html.rows(lines.stream().map(line -> List.of(line.teacher(), line.student(),
                line.present(), line.absent(), line.noShow(), line.cancelled())).toList()));
        return page("attendance", model);
    }

    /** The CSV of a report, for the page's download link (the API answers it to {@code Accept: text/csv}). */
    @GetMapping("/admin/reports/{report:payroll|revenue|attendance}.csv")
    ResponseEntity<String> csv(CurrentSchool school, @PathVariable("report") String report,
                               @RequestParam(name = "from", required = false) LocalDate from,
                               @RequestParam(name = "to", required = false) LocalDate to) {
        return ReportCsv.of(reports, school, report, ReportPeriod.of(from, to, school.timeZone(), clock));
    }

    private ReportPeriod period(CurrentSchool school, String from, String to, Model model,
                                HttpServletResponse response) {
        ReportPeriod period;
        try {
            period = ReportPeriod.of(FormValues.date(from), FormValues.date(to), school.timeZone(), clock);
        } catch (InvalidField wrong) {
            response.setStatus(400);
            model.addAttribute("problem", "The last day must be on or after the first, and within two years of it.");
            period = ReportPeriod.of(null, null, school.timeZone(), clock);
        }
        model.addAttribute("period", period);
        return period;
    }

    private static String page(String report, Model model) {
        model.addAttribute("report", report);
        return "operations/report";
    }
}
