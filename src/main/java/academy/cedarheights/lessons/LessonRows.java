package academy.cedarheights.lessons;

import java.time.format.DateTimeFormatter;
import java.util.List;

import academy.cedarheights.platform.web.Html;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * A day sheet's rows — time, pupil, teacher, attendance, and the one-click marks — written here rather than by the
 * template engine: a school's day is a hundred lessons, and the engine's two dozen expressions for each cost a
 * dashboard 60 ms. The rows are the same markup the template made (htmx swaps one by its id), every value from the
 * database escaped, each form carrying the session's CSRF token.
 */
public final class LessonRows {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final String[][] WEEKLY_MARKS = {{"present", "Present", "present"}, {"absent", "Absent", "absent"},
            {"no_show", "No-show", "no-show"}, {"cancelled_by_school", "Cancelled by school", "cancelled by the school"}};
    private static final String[][] MAKE_UP_MARKS = {{"present", "Present", "present"}, {"no_show", "No-show", "no-show"}};

    private LessonRows() {
    }

    /**
     * The rows of {@code lessons} for a page of {@code area} ({@code /admin} or {@code /teacher}), its links under the
     * request's path prefix (a school's {@code /s/<slug>}), its forms with the request's CSRF token.
     */
    public static String html(List<Lesson> lessons, String area, HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        StringBuilder html = new StringBuilder(lessons.size() * 1400);
        for (Lesson lesson : lessons) {
            row(html, lesson, area, request.getContextPath(), csrf);
        }
        return html.toString();
    }

    private static void row(StringBuilder html, Lesson lesson, String area, String prefix, CsrfToken csrf) {
        boolean makeUp = lesson.makeupId() != null;
        String id = makeUp ? "lesson-" + lesson.makeupId() + "-makeup" : "lesson-" + lesson.enrollmentId() + "-weekly";
        String student = escape(lesson.studentName());
        html.append("<tr id=\"").append(id).append("\"><td>").append(TIME.format(lesson.startTime())).append("&ndash;")
                .append(TIME.format(lesson.endTime())).append("</td><td><span>").append(student).append("</span>")
                .append(makeUp ? "<span> (make-up)</span>" : "").append("</td><td>").append(escape(lesson.teacherName()))
                .append("</td><td><span class=\"status status-").append(escape(String.valueOf(lesson.attendance())))
                .append("\">").append(lesson.attendance() == null ? "not marked" : escape(lesson.attendance().replace('_', ' ')))
                .append("</span></td><td>");
        String action = escape(prefix + area + (makeUp ? "/makeups/mark" : "/lessons/mark"));
        html.append("<form class=\"actions\" action=\"").append(action).append("\" method=\"post\" hx-post=\"")
                .append(action).append("\" hx-target=\"#").append(id).append("\" hx-swap=\"outerHTML\">");
        if (csrf != null) {
            html.append("<input type=\"hidden\" name=\"").append(escape(csrf.getParameterName())).append("\" value=\"")
                    .append(escape(csrf.getToken())).append("\">");
        }
        html.append(makeUp ? "<input type=\"hidden\" name=\"makeup_id\" value=\"" + lesson.makeupId() + "\">"
                : "<input type=\"hidden\" name=\"enrollment_id\" value=\"" + lesson.enrollmentId() + "\">");
        html.append("<input type=\"hidden\" name=\"date\" value=\"").append(lesson.date()).append("\">");
        for (String[] mark : makeUp ? MAKE_UP_MARKS : WEEKLY_MARKS) {
            html.append("<button type=\"submit\" name=\"status\" value=\"").append(mark[0])
                    .append("\" class=\"secondary\" aria-label=\"").append(student).append(makeUp ? "&#39;s make-up: " : ": ")
                    .append(mark[2]).append("\">").append(mark[1]).append("</button>");
        }
        html.append("</form></td></tr>");
    }

    private static String escape(String text) {
        return Html.escape(text);
    }
}
