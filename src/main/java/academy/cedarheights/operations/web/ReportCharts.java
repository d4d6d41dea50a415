package academy.cedarheights.operations.web;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import academy.cedarheights.operations.ReportPeriod;
import academy.cedarheights.operations.Reports.AttendanceLine;
import academy.cedarheights.operations.Reports.PayrollLine;
import academy.cedarheights.operations.Reports.RevenueLine;
import academy.cedarheights.platform.Money;

/** Each report's chart: what the owner looks for first in its table. */
final class ReportCharts {

    private ReportCharts() {
    }

    static BarChart payroll(List<PayrollLine> lines, ReportPeriod period, String currency) {
        return BarChart.of("Teacher pay, " + days(period), List.of("Pay"),
                lines.stream().map(line -> new BarChart.Category(line.teacher(), line.total().amount())).toList(),
                false, cents -> Money.of(cents, currency).shown());
    }

    /** The plans of a month added up: charged, paid and still owed. */
    static BarChart revenue(List<RevenueLine> lines, ReportPeriod period, String currency) {
        Map<String, long[]> months = new LinkedHashMap<>();
        for (RevenueLine line : lines) {
            long[] sums = months.computeIfAbsent(line.month(), month -> new long[3]);
            sums[0] += line.charged().amount();
            sums[1] += line.paid().amount();
            sums[2] += line.outstanding().amount();
        }
        return BarChart.of("Charged, paid and outstanding by month, " + days(period),
                List.of("Charged", "Paid", "Outstanding"),
                months.entrySet().stream().map(month -> new BarChart.Category(month.getKey(), month.getValue())).toList(),
                false, cents -> Money.of(cents, currency).shown());
    }

    /** A teacher's pupils added up, as one bar of present, absent, no-show and cancelled. */
    static BarChart attendance(List<AttendanceLine> lines, ReportPeriod period) {
        Map<UUID, long[]> teachers = new LinkedHashMap<>();
        Map<UUID, String> names = new HashMap<>();
        for (AttendanceLine line : lines) {
            names.put(line.teacherId(), line.teacher());
            long[] sums = teachers.computeIfAbsent(line.teacherId(), teacher -> new long[4]);
            sums[0] += line.present();
            sums[1] += line.absent();
            sums[2] += line.noShow();
            sums[3] += line.cancelled();
        }
        return BarChart.of("Lessons by teacher, " + days(period),
                List.of("Present", "Absent", "No-show", "Cancelled by the school"),
                teachers.entrySet().stream()
                        .map(teacher -> new BarChart.Category(names.get(teacher.getKey()), teacher.getValue())).toList(),
                true, Long::toString);
    }

    private static String days(ReportPeriod period) {
        return period.from() + " to " + period.to();
    }
}
