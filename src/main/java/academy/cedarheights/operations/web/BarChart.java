package academy.cedarheights.operations.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * A horizontal bar chart laid out on the server, for an SVG template to draw as it is: no script, no CDN, readable by
 * a screen reader through its title, its legend and each bar's own title. A category's series are side by side, or
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
