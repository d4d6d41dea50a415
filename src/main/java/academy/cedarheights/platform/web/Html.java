package academy.cedarheights.platform.web;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.springframework.web.util.HtmlUtils;

/**
 * Markup written in Java for the parts of a page that repeat hundreds of times (a report's rows, a select of sixty
 * teachers): the template engine evaluates each expression for about a tenth of a millisecond, which a 500-row table
 * turns into most of a page's time. Every value is escaped here; a template inserts the result with {@code th:utext}.
 */
public final class Html {

    private static final String SPECIAL = "&<>\"'";

    private Html() {
    }

    /**
     * Text or an attribute's value, escaped as Spring's {@code HtmlUtils} does for UTF-8 ({@code & < > " '}):
     * {@code null} is empty, and text with none of them is itself (most names and every number).
     */
    public static String escape(Object text) {
        if (text == null) {
            return "";
        }
        String plain = text.toString();
        for (int i = 0; i < plain.length(); i++) {
            if (SPECIAL.indexOf(plain.charAt(i)) >= 0) {
                return HtmlUtils.htmlEscape(plain, "UTF-8");
            }
        }
        return plain;
    }

    /** Table rows, one a list of cells, each cell's text escaped. */
    public static String rows(List<? extends List<?>> rows) {
        StringBuilder html = new StringBuilder(rows.size() * 120);
        for (List<?> row : rows) {
            html.append("<tr>");
            for (Object cell : row) {
                html.append("<td>").append(escape(cell)).append("</td>");
            }
            html.append("</tr>");
        }
        return html.toString();
    }

    /** The options of a select, one an item, {@code selected} (a value, or none) marked as chosen. */
    public static <T> String options(List<T> items, Function<T, ?> value, Function<T, String> text, Object selected) {
        StringBuilder html = new StringBuilder(items.size() * 80);
        for (T item : items) {
            Object itsValue = value.apply(item);
            html.append("<option value=\"").append(escape(itsValue)).append('"')
                    .append(Objects.equals(itsValue, selected) ? " selected" : "").append('>')
                    .append(escape(text.apply(item))).append("</option>");
        }
        return html.toString();
    }
}
