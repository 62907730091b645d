package io.github.jcg.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The same chart as {@link ChartPng}, as a small hand-written SVG ({@code --svg}): two panels
 * on one time axis, phase starts as lines, settle times shaded, limits dashed.
 */
public final class ChartSvg {
    private static final int WIDTH = 1200;
    private static final int HEIGHT = 800;
    private static final int LEFT = 80;
    private static final int RIGHT = 30;
    private static final int PANEL_HEIGHT = 270;
    private static final int TOP_PANEL_Y = 110;
    private static final int BOTTOM_PANEL_Y = 430;

    private ChartSvg() {
    }

    /** Writes the chart to {@code file}, whole or not at all. Needs no fonts: the viewer draws the text. */
    public static void write(DemoReport report, Path file) throws IOException {
        byte[] svg = render(new ChartData(report)).getBytes(StandardCharsets.UTF_8);
        ChartFiles.replace(file, out -> out.write(svg));
    }

    static String render(ChartData data) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        text(svg, WIDTH / 2.0, 32, 20, "middle", "bold", data.title);
        text(svg, WIDTH / 2.0, 56, 12, "middle", "normal", data.subtitle);
        Panel top = new Panel(TOP_PANEL_Y, data.end, data.maxThroughput() * 1.1);
        Panel bottom = new Panel(BOTTOM_PANEL_Y, data.end, Math.max(10, data.maxCpu() * 1.1));
        panel(svg, top, data, "million iterations/s", data.throughput, true);
        panel(svg, bottom, data, "% of one CPU", data.cpu, false);
        for (ChartData.Band b : data.bands) {
            segment(svg, top, b.start(), b.end(), b.expectedMillions());
            segment(svg, bottom, b.start(), b.end(), b.limitPercent());
        }
        text(svg, LEFT + (WIDTH - LEFT - RIGHT) / 2.0, BOTTOM_PANEL_Y + PANEL_HEIGHT + 42, 13, "middle", "normal",
                "seconds since the baseline began");
        legend(svg, HEIGHT - 40);
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** A plot area and its scales. */
    private record Panel(int y, double xMax, double yMax) {
        double px(double x) {
            return LEFT + x / Math.max(1e-9, xMax) * (WIDTH - LEFT - RIGHT);
        }

        double py(double v) {
            return y + PANEL_HEIGHT - v / Math.max(1e-9, yMax) * PANEL_HEIGHT;
        }
    }

    private static void panel(StringBuilder svg, Panel p, ChartData data, String yLabel, List<ChartData.Point> points,
                              boolean labels) {
        for (ChartData.Band b : data.bands) {
            if (b.windowStart() > b.start()) {
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#000\" fill-opacity=\"0.08\"/>%n",
                        p.px(b.start()), p.y(), p.px(b.windowStart()) - p.px(b.start()), PANEL_HEIGHT));
            }
        }
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#888\"/>%n",
                LEFT, p.y(), WIDTH - LEFT - RIGHT, PANEL_HEIGHT));
        double yStep = niceStep(p.yMax(), 5);
        for (double v = 0; v <= p.yMax() + 1e-9; v += yStep) {
            double y = p.py(v);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
                    LEFT, y, WIDTH - RIGHT, y));
            text(svg, LEFT - 6, y + 4, 11, "end", "normal", Numbers.plain(v));
        }
        double xStep = niceStep(p.xMax(), 12);
        for (double s = 0; s <= p.xMax() + 1e-9; s += xStep) {
            text(svg, p.px(s), p.y() + PANEL_HEIGHT + 16, 11, "middle", "normal", Numbers.plain(s));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"20\" y=\"%.1f\" font-size=\"12\" text-anchor=\"middle\" transform=\"rotate(-90 20 %.1f)\">%s</text>%n",
                p.y() + PANEL_HEIGHT / 2.0, p.y() + PANEL_HEIGHT / 2.0, escape(yLabel)));
        for (ChartData.Band b : data.bands) {
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#444\" stroke-width=\"1.2\"/>%n",
                    p.px(b.start()), p.y(), p.px(b.start()), p.y() + PANEL_HEIGHT));
            if (labels) {
                text(svg, p.px(b.start()) + 4, p.y() - 6, 13, "start", "bold", b.name());
            }
        }
        StringBuilder line = new StringBuilder();
        for (ChartData.Point pt : points) {
            if (!Double.isNaN(pt.y())) {
                line.append(String.format(Locale.ROOT, "%.1f,%.1f ", p.px(pt.x()), p.py(Math.min(pt.y(), p.yMax()))));
            }
        }
        svg.append("<polyline fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"2\" points=\"").append(line.toString().strip()).append("\"/>\n");
    }

    private static void segment(StringBuilder svg, Panel p, double from, double to, double value) {
        if (Double.isNaN(value)) {
            return;
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#d62728\" stroke-width=\"2\" stroke-dasharray=\"8 5\"/>%n",
                p.px(from), p.py(value), p.px(to), p.py(value)));
    }

    private static void legend(StringBuilder svg, double y) {
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#1f77b4\" stroke-width=\"2\"/>%n", LEFT, y, LEFT + 30, y));
        text(svg, LEFT + 36, y + 4, 12, "start", "normal", "measured: fibtest's own throughput (top), the group's CPU accounting (bottom)");
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#d62728\" stroke-width=\"2\" stroke-dasharray=\"8 5\"/>%n",
                LEFT, y + 18, LEFT + 30, y + 18));
        text(svg, LEFT + 36, y + 22, 12, "start", "normal", "limit: quota/period (bottom), and quota/period × baseline (top)");
    }

    private static void text(StringBuilder svg, double x, double y, int size, String anchor, String weight, String content) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" text-anchor=\"%s\" font-weight=\"%s\">%s</text>%n",
                x, y, size, anchor, weight, escape(content)));
    }

    /** A round step (1, 2, 2.5 or 5 times a power of ten) giving at most about {@code ticks} ticks up to {@code max}. */
    static double niceStep(double max, int ticks) {
        double raw = Math.max(max, 1e-9) / ticks;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * power >= raw) {
                return m * power;
            }
        }
        return 10 * power;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
