package academy.cedarheights.operations.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

import academy.cedarheights.platform.web.Html;

/**
 * A horizontal bar chart laid out and drawn on the server as SVG: no script, no CDN, readable by a screen reader
 * through its title, its legend and each bar's own title. Drawn here rather than by a template, as a report's
 * hundreds of bars cost the template engine a tenth of a millisecond an attribute. A category's series are side by side, or
 * {@code stacked} into one bar when they are parts of a whole (a pupil's lessons: present, absent…).
 */
record BarChart(String title, int width, int height, int axisY, List<Bar> bars, List<Label> labels, List<Tick> ticks,
                List<Legend> legend) {

    static final int WIDTH = 720;
    static final int LABELS = 170;
    static final int RIGHT = 24;
    static final int TOP = 34;
    static final int AXIS = 26;
    static final int BAR = 16;
    static final int GAP = 10;
    static final int LABEL_CHARACTERS = 26;
    /** Colours a reader tells apart (Okabe–Ito), dark enough for text on white. */
    static final List<String> COLOURS = List.of("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#6a5acd");

    record Bar(int x, int y, int width, int height, String colour, String title) {
    }

    record Label(int y, String text) {
    }

    record Tick(int x, String text) {
    }

    record Legend(int x, String colour, String text) {
    }

    /** One category (a teacher, a month) and its value in each series. */
    record Category(String name, long... values) {
    }

    static BarChart of(String title, List<String> series, List<Category> categories, boolean stacked,
                       LongFunction<String> format) {
        int plot = WIDTH - LABELS - RIGHT;
        long top = niceCeiling(categories.stream().mapToLong(category -> stacked
                ? java.util.Arrays.stream(category.values()).sum()
                : java.util.Arrays.stream(category.values()).max().orElse(0)).max().orElse(0));
        int rowHeight = stacked ? BAR + GAP : BAR * series.size() + GAP;
        List<Bar> bars = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        for (int row = 0; row < categories.size(); row++) {
            Category category = categories.get(row);
            int y = TOP + row * rowHeight;
            labels.add(new Label(y + (rowHeight - GAP) / 2 + 4, category.name()));
            int x = LABELS;
            for (int s = 0; s < series.size(); s++) {
                long value = category.values()[s];
                int length = (int) Math.round((double) value * plot / top);
                String text = category.name() + ", " + series.get(s) + ": " + format.apply(value);
                if (stacked) {
                    bars.add(new Bar(x, y, length, BAR, colour(s), text));
                    x += length;
                } else {
                    bars.add(new Bar(LABELS, y + s * BAR, length, BAR - 2, colour(s), text));
                }
            }
        }
        List<Tick> ticks = new ArrayList<>();
        for (int step = 0; step <= 4; step++) {
            ticks.add(new Tick(LABELS + plot * step / 4, format.apply(top * step / 4)));
        }
        List<Legend> legend = new ArrayList<>();
        for (int s = 0; s < series.size(); s++) {
            legend.add(new Legend(LABELS + s * 130, colour(s), series.get(s)));
        }
        int height = TOP + categories.size() * rowHeight + AXIS;
        return new BarChart(title, WIDTH, height, height - AXIS + 4, bars, labels, ticks, legend);
    }

    /** The chart as an inline SVG element with the id given, every text escaped. */
    String svg(String id) {
        StringBuilder svg = new StringBuilder(512 + bars.size() * 160);
        svg.append("<svg class=\"chart\" id=\"").append(Html.escape(id))
                .append("\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" aria-labelledby=\"").append(Html.escape(id)).append("-title\"><title id=\"")
                .append(Html.escape(id)).append("-title\">").append(Html.escape(title)).append("</title>");
        for (Legend item : legend) {
            svg.append("<g><rect x=\"").append(item.x()).append("\" y=\"6\" width=\"12\" height=\"12\" fill=\"")
                    .append(item.colour()).append("\"></rect><text x=\"").append(item.x() + 16)
                    .append("\" y=\"16\">").append(Html.escape(item.text())).append("</text></g>");
        }
        for (Label label : labels) {
            svg.append("<text x=\"164\" text-anchor=\"end\" y=\"").append(label.y()).append("\">")
                    .append(Html.escape(abbreviated(label.text()))).append("</text>");
        }
        for (Tick tick : ticks) {
            svg.append("<g><line x1=\"").append(tick.x()).append("\" x2=\"").append(tick.x()).append("\" y1=\"28\" y2=\"")
                    .append(axisY - 4).append("\" stroke=\"#d0d5dd\" stroke-width=\"1\"></line><text x=\"").append(tick.x())
                    .append("\" y=\"").append(axisY + 10).append("\" text-anchor=\"middle\">").append(Html.escape(tick.text()))
                    .append("</text></g>");
        }
        for (Bar bar : bars) {
            svg.append("<rect x=\"").append(bar.x()).append("\" y=\"").append(bar.y()).append("\" width=\"")
                    .append(bar.width()).append("\" height=\"").append(bar.height()).append("\" fill=\"").append(bar.colour())
                    .append("\"><title>").append(Html.escape(bar.title())).append("</title></rect>");
        }
        return svg.append("</svg>").toString();
    }

    /** A category's name as its label has room for: 26 characters, the last three an ellipsis if it is longer. */
    static String abbreviated(String name) {
        return name == null || name.length() <= LABEL_CHARACTERS ? name
                : name.substring(0, LABEL_CHARACTERS - 3) + "...";
    }

    private static String colour(int series) {
        return COLOURS.get(series % COLOURS.size());
    }

    /** The scale's end: four steps of 1, 2 or 5 × a power of ten, at or above the largest value, so ticks read round. */
    static long niceCeiling(long largest) {
        long needed = Math.max(1, (largest + 3) / 4);
        for (long power = 1; ; power *= 10) {
            for (long step : new long[] {1, 2, 5}) {
                if (step * power >= needed) {
                    return 4 * step * power;
                }
            }
        }
    }
}
