package academy.cedarheights.operations.web;

import java.util.List;

import academy.cedarheights.operations.ReportPeriod;
import academy.cedarheights.operations.Reports;
import academy.cedarheights.operations.Reports.AttendanceLine;
import academy.cedarheights.operations.Reports.PayrollLine;
import academy.cedarheights.operations.Reports.RevenueLine;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.Csv;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Each report as the spreadsheet an owner or a bookkeeper opens: the same columns as its JSON, amounts in dollars. */
final class ReportCsv {

    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private ReportCsv() {
    }

    static Csv payroll(List<PayrollLine> lines) {
        Csv csv = Csv.withColumns("teacher_id", "teacher", "lessons", "make_ups", "pay_per_lesson", "total", "currency");
        for (PayrollLine line : lines) {
            csv.row(line.teacherId(), line.teacher(), line.lessons(), line.makeUps(), Csv.amount(line.payPerLesson()),
                    Csv.amount(line.total()), line.total().currency());
        }
        return csv;
    }

    static Csv revenue(List<RevenueLine> lines) {
        Csv csv = Csv.withColumns("month", "plan", "charged", "paid", "refunded", "outstanding", "currency");
        for (RevenueLine line : lines) {
            csv.row(line.month(), line.plan(), Csv.amount(line.charged()), Csv.amount(line.paid()),
                    Csv.amount(line.refunded()), Csv.amount(line.outstanding()), line.charged().currency());
        }
        return csv;
    }

    static Csv attendance(List<AttendanceLine> lines) {
        Csv csv = Csv.withColumns("teacher_id", "teacher", "student_id", "student", "present", "absent", "no_show",
                "cancelled");
        for (AttendanceLine line : lines) {
            csv.row(line.teacherId(), line.teacher(), line.studentId(), line.student(), line.present(), line.absent(),
                    line.noShow(), line.cancelled());
        }
        return csv;
    }

    /** The report named (payroll, revenue or attendance) over the period, as a CSV download. */
    static ResponseEntity<String> of(Reports reports, CurrentSchool school, String report, ReportPeriod period) {
        Csv csv = switch (report) {
            case "payroll" -> payroll(reports.payroll(school, period));
            case "revenue" -> revenue(reports.revenue(school, period));
            default -> attendance(reports.attendance(school, period));
        };
        return download(report, period, csv);
    }

    /** A download named for the report and its days, e.g. {@code payroll-2026-11-01-to-2026-11-30.csv}. */
    private static ResponseEntity<String> download(String report, ReportPeriod period, Csv csv) {
        String name = report + "-" + period.from() + "-to-" + period.to() + ".csv";
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(csv.toString());
    }
}
