package academy.cedarheights.booking.web;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import academy.cedarheights.booking.OpenSlot;
import academy.cedarheights.platform.web.Html;
import academy.cedarheights.schools.InstrumentView;
import academy.cedarheights.schools.TeacherProfile;

/**
 * The school page's repeated parts written in Java (see {@link Html}): a teacher's week is a hundred slots and a large
 * school a hundred teachers, each several template expressions, which made the page cost 20 ms to render where the
 * rest of it costs one. Signed-in parents, whose page is not shared, get it rendered every time.
 */
final class TimetableHtml {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private TimetableHtml() {
    }

    /** Each day's open slots, a "Book" link on each (under the school's path prefix, {@code contextPath}). */
    static String days(List<PublicPages.Day> days, String contextPath) {
        StringBuilder html = new StringBuilder(days.size() * 4_000);
        for (PublicPages.Day day : days) {
            String name = Html.escape(day.name());
            html.append("<div><h3>").append(name).append("</h3><ul class=\"slots\">");
            for (OpenSlot slot : day.slots()) {
                String start = slot.startTime().format(TIME);
                String teacher = Html.escape(slot.teacherName());
                html.append("<li data-slot=\"").append(slot.id()).append("\"><strong>").append(start).append('–')
                        .append(slot.endTime().format(TIME)).append("</strong> with <span>").append(teacher)
                        .append("</span><br><a class=\"button\" href=\"").append(Html.escape(contextPath))
                        .append("/book/").append(slot.id()).append("\" aria-label=\"Book ").append(name).append(' ')
                        .append(start).append(" with ").append(teacher).append("\">Book</a></li>");
            }
            html.append("</ul></div>");
        }
        return html.toString();
    }

    /** A card for each teacher: name, instruments, bio. */
    static String teacherCards(List<TeacherProfile> teachers) {
        StringBuilder html = new StringBuilder(teachers.size() * 300);
        for (TeacherProfile teacher : teachers) {
            String instruments = teacher.instruments().stream().map(InstrumentView::name)
                    .collect(Collectors.joining(", "));
            html.append("<div class=\"card\"><h3>").append(Html.escape(teacher.name()))
                    .append("</h3><p class=\"muted\">").append(Html.escape(instruments)).append("</p><p>")
                    .append(Html.escape(teacher.bio())).append("</p></div>");
        }
        return html.toString();
    }

    static String weekdayOptions(Integer chosen) {
        Map<Integer, String> weekdays = PublicPages.weekdays();
        return Html.options(List.copyOf(weekdays.keySet()), day -> day, weekdays::get, chosen);
    }
}
