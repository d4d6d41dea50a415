package academy.cedarheights.operations.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

import academy.cedarheights.operations.WeekCalendar.Entry;
import org.springframework.web.util.HtmlUtils;

/**
 * A day's entries of the week calendar as HTML, written here rather than by the template: a school's week is
 * hundreds of entries, and the template engine's dozen expressions for each cost a third of a second a page. Every
 * value from the database is escaped; the links carry the school's path prefix as the template's would.
 */
final class CalendarHtml {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private CalendarHtml() {
    }

    static String entries(List<Entry> entries, LocalDate day, String prefix) {
        StringBuilder html = new StringBuilder(entries.size() * 220).append("<ul class=\"entries\">");
        String weekday = day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.CANADA);
        for (Entry entry : entries) {
            String time = TIME.format(entry.start());
            html.append("<li class=\"entry state-").append(entry.state().name().toLowerCase(Locale.ROOT)).append("\">")
                    .append("<span class=\"time\">").append(time).append("</span> ");
            switch (entry.state()) {
                case FREE -> html.append("<a href=\"").append(prefix).append("/admin/enrollments?timeslot_id=")
                        .append(entry.timeslotId()).append("\" aria-label=\"")
                        .append(escape("Assign a pupil to " + entry.teacher() + "'s free slot at " + time + " on " + weekday))
                        .append("\">Free: assign</a>");
                case PROVISIONAL -> link(html, prefix + "/admin/enrollments?status=provisional", entry.student());
                default -> link(html, entry.makeupId() != null ? prefix + "/admin?date=" + day
                        : prefix + "/admin/lessons/" + entry.enrollmentId() + "/" + day, entry.student());
            }
            html.append("<span class=\"who\">").append(escape(entry.teacher()));
            if (entry.room() != null) {
                html.append(" · ").append(escape(entry.room()));
            }
            html.append("</span><span class=\"state\">").append(escape(entry.state().label())).append("</span></li>");
        }
        return html.append("</ul>").toString();
    }

    private static void link(StringBuilder html, String href, String text) {
        html.append("<a href=\"").append(escape(href)).append("\">").append(escape(text)).append("</a>");
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
    }
}
