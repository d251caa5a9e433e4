package io.jenkins.plugins.mlcicd.report;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * Small SVG charts rendered on the server: a line chart (curves) and a grouped bar chart
 * (histograms). Every chart has a visible title, both axes with tick values and an axis label, and
 * a legend; the title is also the SVG {@code <title>} and the {@code aria-label}. Colours are SVG
 * presentation attributes and classes, never a {@code style} attribute; no script. Every text is
 * escaped through {@link Html#escape}.
 */
final class SvgChart {
    static final int WIDTH = 440;
    static final int HEIGHT = 316;
    private static final int LEFT = 58;
    private static final int RIGHT = 14;
    private static final int TOP = 46;
    private static final int BOTTOM = 74;
    /** Colours of the series in order: candidate blue, reference grey, then more. */
    static final String[] COLOURS = {"#0969da", "#6e7781", "#bf3989", "#1a7f37"};

    /** One curve: points in order; a NaN y leaves a gap. */
    record Series(String name, double[] x, double[] y) {
    }

    /** One bar per category for one series; {@code colour} null for the next of {@link #COLOURS}. */
    record Bars(String name, double[] values, String colour) {
        Bars(String name, double[] values) {
            this(name, values, null);
        }

        String colourAt(int index) {
            return colour != null ? colour : COLOURS[index % COLOURS.length];
        }
    }

    private SvgChart() {
    }

    /** A line chart over [xMin, xMax] × [yMin, yMax]; with {@code diagonal}, the line y = x dashed. */
    static String lines(String title, String xLabel, String yLabel, double[] xRange, double[] yRange, List<Series> series,
            boolean diagonal, boolean markers) {
        StringBuilder svg = open(title);
        Plot plot = new Plot(xRange[0], xRange[1], yRange[0], yRange[1]);
        axes(svg, plot, xLabel, yLabel, ticks(xRange[0], xRange[1]), Numbers::format);
        if (diagonal) {
            svg.append("<line class=\"mlcicd-chart-diagonal\" x1=\"").append(c(plot.x(xRange[0]))).append("\" y1=\"")
                    .append(c(plot.y(yRange[0]))).append("\" x2=\"").append(c(plot.x(xRange[1]))).append("\" y2=\"")
                    .append(c(plot.y(yRange[1]))).append("\" stroke=\"#8c959f\" stroke-dasharray=\"4 3\"/>\n");
        }
        for (int s = 0; s < series.size(); s++) {
            Series one = series.get(s);
            String colour = COLOURS[s % COLOURS.length];
            StringBuilder points = new StringBuilder();
            StringBuilder dots = new StringBuilder();
            for (int i = 0; i < one.x().length; i++) {
                double y = one.y()[i];
                if (Double.isNaN(y) || Double.isNaN(one.x()[i])) {
                    polyline(svg, points, colour, one.name());
                    points.setLength(0);
                    continue;
                }
                String px = c(plot.x(one.x()[i]));
                String py = c(plot.y(y));
                points.append(points.isEmpty() ? "" : " ").append(px).append(',').append(py);
                if (markers) {
                    dots.append("<circle cx=\"").append(px).append("\" cy=\"").append(py).append("\" r=\"3\" fill=\"")
                            .append(colour).append("\"><title>").append(Html.escape(one.name() + ": " + Numbers.format(one.x()[i])
                                    + ", " + Numbers.format(y))).append("</title></circle>\n");
                }
            }
            polyline(svg, points, colour, one.name());
            svg.append(dots);
        }
        legend(svg, series.stream().map(Series::name).toList(), null);
        return svg.append("</svg>\n").toString();
    }

    /** Grouped bars, one group per category; y from 0 to the largest value, labelled by {@code format}. */
    static String bars(String title, String xLabel, String yLabel, List<String> categories, List<Bars> series,
            DoubleFunction<String> format) {
        StringBuilder svg = open(title);
        double max = 0;
        for (Bars bars : series) {
            for (double v : bars.values()) {
                max = Math.max(max, v);
            }
        }
        max = niceTop(max <= 0 ? 1 : max);
        int n = Math.max(categories.size(), 1);
        Plot plot = new Plot(0, n, 0, max);
        axes(svg, plot, xLabel, yLabel, null, format);
        double slot = plot.width() / n;
        double barWidth = Math.max((slot - 4) / Math.max(series.size(), 1), 0.5);
        boolean rotate = n > 6;
        for (int i = 0; i < categories.size(); i++) {
            for (int s = 0; s < series.size(); s++) {
                double value = i < series.get(s).values().length ? series.get(s).values()[i] : 0;
                double top = plot.y(value);
                svg.append("<rect x=\"").append(c(plot.x(i) + 2 + s * barWidth)).append("\" y=\"").append(c(top))
                        .append("\" width=\"").append(c(barWidth)).append("\" height=\"").append(c(plot.y(0) - top))
                        .append("\" fill=\"").append(series.get(s).colourAt(s)).append("\"><title>")
                        .append(Html.escape(categories.get(i) + " " + series.get(s).name() + ": " + format.apply(value)))
                        .append("</title></rect>\n");
            }
            double x = plot.x(i) + slot / 2;
            double y = plot.y(0) + 14;
            String label = shortened(categories.get(i), rotate ? 10 : Math.max(3, (int) (slot / 6.5)));
            svg.append("<text class=\"mlcicd-chart-tick\" x=\"").append(c(x)).append("\" y=\"").append(c(y)).append('"');
            if (rotate) {
                svg.append(" text-anchor=\"end\" transform=\"rotate(-35 ").append(c(x)).append(' ').append(c(y)).append(")\"");
            } else {
                svg.append(" text-anchor=\"middle\"");
            }
            svg.append('>').append(Html.escape(label)).append("<title>").append(Html.escape(categories.get(i)))
                    .append("</title></text>\n");
        }
        legend(svg, series.stream().map(Bars::name).toList(), series.stream().map(b -> b.colourAt(series.indexOf(b))).toList());
        return svg.append("</svg>\n").toString();
    }

    private static StringBuilder open(String title) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"mlcicd-chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(WIDTH)
                .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" aria-label=\"").append(Html.escape(title)).append("\">\n<title>").append(Html.escape(title))
                .append("</title>\n<text class=\"mlcicd-chart-title\" x=\"8\" y=\"16\" font-weight=\"600\">")
                .append(Html.escape(shortened(title, 54))).append("</text>\n");
        return svg;
    }

    private static void axes(StringBuilder svg, Plot plot, String xLabel, String yLabel, double[] xTicks, DoubleFunction<String> yFormat) {
        String bottom = c(plot.y(plot.yMin));
        svg.append("<g class=\"mlcicd-chart-axes\" stroke=\"#57606a\">")
                .append("<line class=\"mlcicd-chart-axis\" x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"").append(LEFT)
                .append("\" y2=\"").append(bottom).append("\"/>")
                .append("<line class=\"mlcicd-chart-axis\" x1=\"").append(LEFT).append("\" y1=\"").append(bottom).append("\" x2=\"")
                .append(WIDTH - RIGHT).append("\" y2=\"").append(bottom).append("\"/></g>\n");
        for (double tick : ticks(plot.yMin, plot.yMax)) {
            String y = c(plot.y(tick));
            svg.append("<line x1=\"").append(LEFT - 4).append("\" y1=\"").append(y).append("\" x2=\"").append(WIDTH - RIGHT)
                    .append("\" y2=\"").append(y).append("\" stroke=\"#eaeef2\"/>")
                    .append("<text class=\"mlcicd-chart-tick\" x=\"").append(LEFT - 6).append("\" y=\"").append(c(plot.y(tick) + 3.5))
                    .append("\" text-anchor=\"end\">").append(Html.escape(yFormat.apply(tick))).append("</text>\n");
        }
        if (xTicks != null) {
            for (double tick : xTicks) {
                String x = c(plot.x(tick));
                svg.append("<line x1=\"").append(x).append("\" y1=\"").append(bottom).append("\" x2=\"").append(x).append("\" y2=\"")
                        .append(c(plot.y(plot.yMin) + 4)).append("\" stroke=\"#57606a\"/>")
                        .append("<text class=\"mlcicd-chart-tick\" x=\"").append(x).append("\" y=\"").append(c(plot.y(plot.yMin) + 16))
                        .append("\" text-anchor=\"middle\">").append(Html.escape(Numbers.format(tick))).append("</text>\n");
            }
        }
        svg.append("<text class=\"mlcicd-chart-axis-label\" x=\"").append(c(LEFT + plot.width() / 2)).append("\" y=\"").append(HEIGHT - 6)
                .append("\" text-anchor=\"middle\">").append(Html.escape(xLabel)).append("</text>\n");
        double middle = TOP + plot.height() / 2;
        svg.append("<text class=\"mlcicd-chart-axis-label\" x=\"14\" y=\"").append(c(middle)).append("\" text-anchor=\"middle\" transform=\"rotate(-90 14 ")
                .append(c(middle)).append(")\">").append(Html.escape(yLabel)).append("</text>\n");
    }

    private static void legend(StringBuilder svg, List<String> names, List<String> colours) {
        double x = LEFT;
        for (int s = 0; s < names.size(); s++) {
            String name = shortened(names.get(s), 28);
            svg.append("<rect x=\"").append(c(x)).append("\" y=\"27\" width=\"10\" height=\"10\" fill=\"").append(colours == null ? COLOURS[s % COLOURS.length] : colours.get(s))
                    .append("\"/><text class=\"mlcicd-chart-legend\" x=\"").append(c(x + 14)).append("\" y=\"36\">")
                    .append(Html.escape(name)).append("<title>").append(Html.escape(names.get(s))).append("</title></text>\n");
            x += 24 + 6.5 * name.length();
        }
    }

    private static void polyline(StringBuilder svg, StringBuilder points, String colour, String name) {
        if (!points.isEmpty()) {
            svg.append("<polyline class=\"mlcicd-chart-line\" fill=\"none\" stroke=\"").append(colour)
                    .append("\" stroke-width=\"2\" points=\"").append(points).append("\"><title>").append(Html.escape(name))
                    .append("</title></polyline>\n");
        }
    }

    /**
     * The smallest "round" number (1, 2, 2.5 or 5 times a power of ten, times four, so that the
     * four tick steps are round too) at or above {@code max}.
     */
    static double niceTop(double max) {
        double raw = max / 4;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double factor : new double[] {1, 2, 2.5, 5, 10}) {
            if (factor * power >= raw * (1 - 1e-12)) {
                return 4 * factor * power;
            }
        }
        return max;
    }

    /** Five ticks from min to max. */
    static double[] ticks(double min, double max) {
        double[] ticks = new double[5];
        for (int i = 0; i < 5; i++) {
            ticks[i] = min + (max - min) * i / 4;
        }
        return ticks;
    }

    /** At most {@code max} characters, an ellipsis marking the cut (the full text goes into a title). */
    static String shortened(String text, int max) {
        return text.codePointCount(0, text.length()) <= max ? text
                : text.substring(0, text.offsetByCodePoints(0, Math.max(1, max - 1))) + "…";
    }

    private static String c(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** Data to pixel coordinates. */
    private record Plot(double xMin, double xMax, double yMin, double yMax) {
        double width() {
            return WIDTH - LEFT - RIGHT;
        }

        double height() {
            return HEIGHT - TOP - BOTTOM;
        }

        double x(double value) {
            return LEFT + width() * (value - xMin) / (xMax - xMin);
        }

        double y(double value) {
            return TOP + height() * (yMax - value) / (yMax - yMin);
        }
    }
}
