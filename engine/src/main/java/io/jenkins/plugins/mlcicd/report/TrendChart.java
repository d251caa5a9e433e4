package io.jenkins.plugins.mlcicd.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A metric's trend over builds as a small inline SVG line chart, rendered on the server: no script,
 * no {@code style} attribute, colours from CSS classes ({@code mlcicd-trend-*}), so it passes a
 * strict Content-Security-Policy. Each point carries a {@code <title>} (the browser's tooltip) and
 * the chart an {@code aria-label}. The y axis spans the metric's own range, so one chart per metric.
 */
public final class TrendChart {
    static final int WIDTH = 520;
    static final int HEIGHT = 170;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 14;
    private static final int BOTTOM = 30;

    /**
     * One x position.
     *
     * @param label what the point is called (e.g. {@code #12 v3}); shown in its tooltip and on the axis
     * @param value the metric, or null when that build did not record it (the line has a gap there)
     */
    public record Point(String label, Double value) {
        public Point {
            Objects.requireNonNull(label, "label");
        }
    }

    private TrendChart() {
    }

    /** The chart, oldest point left; a short note instead when no point has a finite value. */
    public static String svg(String metric, List<Point> points) {
        List<Double> finite = points.stream().map(Point::value).filter(v -> v != null && Double.isFinite(v)).toList();
        if (finite.isEmpty()) {
            return "<p class=\"mlcicd-trend-empty\">" + Html.escape("No values of " + metric + " yet.") + "</p>\n";
        }
        double min = finite.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = finite.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        if (min == max) {
            double pad = min == 0 ? 1 : Math.abs(min) * 0.05;
            min -= pad;
            max += pad;
        }
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        int n = points.size();
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"mlcicd-trend\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(Html.escape("Trend of " + metric + " over " + n + " points")).append("\">\n");
        svg.append("<title>").append(Html.escape(metric)).append("</title>\n");
        // axes and the range's bounds
        svg.append("<line class=\"mlcicd-trend-axis\" x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"").append(LEFT)
                .append("\" y2=\"").append(HEIGHT - BOTTOM).append("\"/>\n");
        svg.append("<line class=\"mlcicd-trend-axis\" x1=\"").append(LEFT).append("\" y1=\"").append(HEIGHT - BOTTOM).append("\" x2=\"")
                .append(WIDTH - RIGHT).append("\" y2=\"").append(HEIGHT - BOTTOM).append("\"/>\n");
        label(svg, LEFT - 6, TOP + 4, "end", Numbers.format(max));
        label(svg, LEFT - 6, HEIGHT - BOTTOM, "end", Numbers.format(min));
        label(svg, LEFT, HEIGHT - 10, "start", points.get(0).label());
        if (n > 1) {
            label(svg, WIDTH - RIGHT, HEIGHT - 10, "end", points.get(n - 1).label());
        }
        List<String> segment = new ArrayList<>();
        StringBuilder dots = new StringBuilder();
        for (int i = 0; i < n; i++) {
            Point point = points.get(i);
            if (point.value() == null || !Double.isFinite(point.value())) {
                polyline(svg, segment);
                segment.clear();
                continue;
            }
            double x = LEFT + (n == 1 ? plotWidth / 2 : plotWidth * i / (n - 1));
            double y = TOP + plotHeight * (max - point.value()) / (max - min);
            segment.add(coordinate(x) + "," + coordinate(y));
            dots.append("<circle class=\"mlcicd-trend-point\" cx=\"").append(coordinate(x)).append("\" cy=\"").append(coordinate(y))
                    .append("\" r=\"3.5\"><title>").append(Html.escape(point.label() + ": " + metric + " = " + Numbers.format(point.value())))
                    .append("</title></circle>\n");
        }
        polyline(svg, segment);
        svg.append(dots);
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void polyline(StringBuilder svg, List<String> segment) {
        if (segment.size() > 1) {
            svg.append("<polyline class=\"mlcicd-trend-line\" points=\"").append(String.join(" ", segment)).append("\"/>\n");
        }
    }

    private static void label(StringBuilder svg, int x, int y, String anchor, String text) {
        svg.append("<text class=\"mlcicd-trend-label\" x=\"").append(x).append("\" y=\"").append(y).append("\" text-anchor=\"")
                .append(anchor).append("\">").append(Html.escape(text)).append("</text>\n");
    }

    private static String coordinate(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
