package academy.cedarheights.platform.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import academy.cedarheights.platform.Money;

/**
 * A table as RFC 4180 CSV, for a spreadsheet. Values that a spreadsheet would run as a formula (a family named
 * {@code =HYPERLINK(…)}) are written as text with a leading apostrophe, as OWASP advises against CSV injection.
 */
public final class Csv {

    private final List<String> lines = new ArrayList<>();

    private Csv(List<String> header) {
        row(header.toArray());
    }

    public static Csv withColumns(String... header) {
        return new Csv(List.of(header));
    }

    public Csv row(Object... values) {
        List<String> cells = new ArrayList<>(values.length);
        for (Object value : values) {
            cells.add(cell(value));
        }
        lines.add(String.join(",", cells));
        return this;
    }

    /** An amount as a spreadsheet sums it: {@code 280.00}, its currency in a column of its own. */
    public static String amount(Money money) {
        return BigDecimal.valueOf(money.amount(), 2).toPlainString();
    }

    @Override
    public String toString() {
        return String.join("\r\n", lines) + "\r\n";
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!(value instanceof Number) && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
