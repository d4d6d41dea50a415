package academy.cedarheights.operations.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

import academy.cedarheights.operations.WeekCalendar.Day;
import academy.cedarheights.operations.WeekCalendar.Entry;
import academy.cedarheights.operations.WeekCalendar.Week;
import academy.cedarheights.platform.web.Html;

/**
 * The week calendar's days as HTML, written here rather than by the template: a school's week is hundreds of entries,
 * and the template engine's dozen expressions for each cost a third of a second a page (its dozen for each day were
 * still a third of what was left). Every value from the database is escaped; the links carry the school's path prefix
 * as the template's would.
 */
final class CalendarHtml {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private CalendarHtml() {
    }

    /**
     * Each day a section: its title (a link to that day's sheet), why it has no lessons, how many slots are free when
     * the whole school is shown ({@code narrowed} false), and its entries.
     */
    static String days(Week week, LocalDate today, boolean narrowed, String prefix) {
        StringBuilder html = new StringBuilder(32_768);
        for (Day day : week.days()) {
            String id = "day-" + day.date();
            html.append("<section class=\"day\" id=\"").append(id).append("\" aria-labelledby=\"").append(id)
                    .append("-title\"><h2 id=\"").append(id).append("-title\"><a href=\"").append(prefix)
                    .append("/admin?date=").append(day.date()).append("\">").append(DAY.format(day.date())).append("</a>")
                    .append(day.date().equals(today) ? " <span class=\"muted\">(today)</span>" : "").append("</h2>");
            if (!day.lessonDay()) {
                muted(html, day.closed() != null ? day.closed() : "No lessons (outside the terms)");
            } else if (day.entries().isEmpty()) {
                muted(html, "No lessons.");
            }
            if (day.lessonDay() && day.freeSlots() > 0 && !narrowed) {
                muted(html, day.freeSlots() + " free slot" + (day.freeSlots() == 1 ? "" : "s")
                        + ": choose a teacher to see them and assign one.");
            }
            if (!day.entries().isEmpty()) {
                html.append(entries(day.entries(), day.date(), prefix));
            }
            html.append("</section>");
        }
        return html.toString();
    }

    private static void muted(StringBuilder html, String text) {
        html.append("<p class=\"muted\">").append(escape(text)).append("</p>");
    }

    private static String entries(List<Entry> entries, LocalDate day, String prefix) {
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
                html.append(" &middot; ").append(escape(entry.room())); // an entity: ASCII is encoded on Tomcat's fast path
            }
            html.append("</span><span class=\"state\">").append(escape(entry.state().label())).append("</span></li>");
        }
        return html.append("</ul>").toString();
    }

    private static void link(StringBuilder html, String href, String text) {
        html.append("<a href=\"").append(escape(href)).append("\">").append(escape(text)).append("</a>");
    }

    private static String escape(String text) {
        return Html.escape(text);
    }
}
