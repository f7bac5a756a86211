package de.kontor.monitoring.internal;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Server-rendered SVG charts (no script, no inline styles: colours come from classes in kontor.css). Built only from
 * numbers and dates, so the markup needs no escaping; every chart has a title and the page shows the same numbers
 * as a table.
 */
final class Charts {

    private static final int WIDTH = 600;
    private static final int HEIGHT = 180;
    private static final int PAD = 24;

    private Charts() {
    }

    /** Stacked bars per day: negative at the bottom, then neutral, then positive. */
    static String volume(List<Dashboard.Day> days, String title) {
        int max = Math.max(1, days.stream().mapToInt(Dashboard.Day::total).max().orElse(1));
        double barWidth = (double) (WIDTH - 2 * PAD) / days.size();
        double scale = (double) (HEIGHT - 2 * PAD) / max;
        StringBuilder svg = open(title, WIDTH, HEIGHT);
        svg.append(line(PAD, HEIGHT - PAD, WIDTH - PAD, HEIGHT - PAD));
        svg.append(text(2, PAD, Integer.toString(max), "chart-axis"));
        svg.append(text(2, HEIGHT - PAD, "0", "chart-axis"));
        DateTimeFormatter f = DateTimeFormatter.ofPattern("d.M.", Locale.ROOT);
        for (int i = 0; i < days.size(); i++) {
            Dashboard.Day d = days.get(i);
            double x = PAD + i * barWidth + 1;
            double y = HEIGHT - PAD;
            y = bar(svg, x, y, barWidth - 2, d.negative() * scale, "chart-negative");
            y = bar(svg, x, y, barWidth - 2, d.neutral() * scale, "chart-neutral");
            bar(svg, x, y, barWidth - 2, d.positive() * scale, "chart-positive");
            if ((days.size() - 1 - i) % 7 == 0) {
                svg.append(text(x, HEIGHT - 6, f.format(d.date()), "chart-axis"));
            }
        }
        return svg.append("</svg>").toString();
    }

    /** One horizontal bar split by sentiment share. */
    static String shares(int positive, int neutral, int negative, String title) {
        int total = positive + neutral + negative;
        StringBuilder svg = open(title, WIDTH, 40);
        if (total == 0) {
            svg.append(String.format(Locale.ROOT,
                    "<rect class=\"chart-empty\" x=\"0\" y=\"8\" width=\"%d\" height=\"24\"/>", WIDTH));
            return svg.append("</svg>").toString();
        }
        double x = 0;
        int[] values = {positive, neutral, negative};
        String[] classes = {"chart-positive", "chart-neutral", "chart-negative"};
        for (int i = 0; i < 3; i++) {
            double w = (double) WIDTH * values[i] / total;
            svg.append(String.format(Locale.ROOT,
                    "<rect class=\"%s\" x=\"%.1f\" y=\"8\" width=\"%.1f\" height=\"24\"/>", classes[i], x, w));
            if (w > 40) {
                svg.append(text(x + 6, 25, Math.round(100.0 * values[i] / total) + " %", "chart-label"));
            }
            x += w;
        }
        return svg.append("</svg>").toString();
    }

    private static double bar(StringBuilder svg, double x, double bottom, double width, double height, String cls) {
        if (height <= 0) {
            return bottom;
        }
        svg.append(String.format(Locale.ROOT, "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>",
                cls, x, bottom - height, Math.max(1, width), height));
        return bottom - height;
    }

    private static StringBuilder open(String title, int width, int height) {
        return new StringBuilder(String.format(Locale.ROOT,
                "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 %d %d\" xmlns=\"http://www.w3.org/2000/svg\">"
                        + "<title>%s</title>", width, height, escape(title)));
    }

    private static String line(int x1, int y1, int x2, int y2) {
        return String.format(Locale.ROOT, "<line class=\"chart-axis-line\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>",
                x1, y1, x2, y2);
    }

    private static String text(double x, double y, String s, String cls) {
        return String.format(Locale.ROOT, "<text class=\"%s\" x=\"%.1f\" y=\"%.1f\">%s</text>", cls, x, y, escape(s));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
