package academy.cedarheights.operations.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import academy.cedarheights.operations.ReportPeriod;
import academy.cedarheights.operations.Reports;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The owner's reports as JSON, or as CSV with {@code Accept: text/csv}. {@code from} and {@code to} are days in the
 * school's zone, both included; without them, the current month so far.
 */
@RestController
@RequestMapping("/api/v1/admin/reports")
@Tag(name = "Admin: reports")
class AdminReportsController {

    private final Reports reports;
    private final Clock clock;

    AdminReportsController(Reports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @GetMapping(path = "/payroll", produces = "application/json")
    @Operation(summary = "Teacher pay: lessons and make-ups marked present or no-show × pay per lesson")
    List<Reports.PayrollLine> payroll(CurrentSchool school, @RequestParam(name = "from", required = false) LocalDate from,
                                      @RequestParam(name = "to", required = false) LocalDate to) {
        return reports.payroll(school, period(school, from, to));
    }

    @GetMapping(path = "/revenue", produces = "application/json")
    @Operation(summary = "The ledger by month and plan: charged, paid, refunded, outstanding")
    List<Reports.RevenueLine> revenue(CurrentSchool school, @RequestParam(name = "from", required = false) LocalDate from,
                                      @RequestParam(name = "to", required = false) LocalDate to) {
        return reports.revenue(school, period(school, from, to));
    }

    @GetMapping(path = "/attendance", produces = "application/json")
    @Operation(summary = "Per teacher and pupil: lessons present, absent, no-show and cancelled by the school")
    List<Reports.AttendanceLine> attendance(CurrentSchool school,
                                            @RequestParam(name = "from", required = false) LocalDate from,
                                            @RequestParam(name = "to", required = false) LocalDate to) {
        return reports.attendance(school, period(school, from, to));
    }

    @GetMapping(path = "/{report:payroll|revenue|attendance}", produces = "text/csv")
    ResponseEntity<String> csv(CurrentSchool school, @PathVariable("report") String report,
                               @RequestParam(name = "from", required = false) LocalDate from,
                               @RequestParam(name = "to", required = false) LocalDate to) {
        return ReportCsv.of(reports, school, report, period(school, from, to));
    }

    private ReportPeriod period(CurrentSchool school, LocalDate from, LocalDate to) {
        return ReportPeriod.of(from, to, school.timeZone(), clock);
    }
}
