package io.github.jcg.demo;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The demo's chart as a PNG: throughput on top, CPU below, on one time axis. Phase starts
 * are vertical lines, settle times are shaded, and each limit is drawn over the CPU plot
 * (and, scaled to the baseline, over the throughput plot as the kernel's expectation).
 * Drawn headless: no display is needed.
 */
public final class ChartPng {
    static final int WIDTH = 1200;
    static final int HEIGHT = 800;
    private static final Color MEASURED = new Color(0x1f77b4);
    private static final Color LIMIT = new Color(0xd62728);
    private static final Color SETTLE = new Color(0, 0, 0, 22);

    private ChartPng() {
    }

    /**
     * Writes the chart to {@code file}, whole or not at all: where AWT cannot draw text (see
     * {@link #fontProblem()}) this throws the JDK's error and leaves no file behind.
     */
    public static void write(DemoReport report, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        JFreeChart chart = build(new ChartData(report));
        ChartFiles.replace(file, out -> ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT));
    }

    /**
     * Null when AWT can draw the chart's text on this machine; otherwise why not, in one line.
     * Without fonts or fontconfig (a slim container, a jlinked runtime on a minimal system) the
     * JDK's font manager fails when text is first drawn or measured, typically with
     * {@code java.lang.InternalError: java.lang.reflect.InvocationTargetException} from
     * {@code sun.font.FontManagerFactory} (caused by "Fontconfig head is null"), or with
     * "Probable fatal error: No physical fonts found"; a missing libfreetype gives an
     * {@link UnsatisfiedLinkError}. A font bundled with the demo would not help: Font.createFont
     * needs the same font manager and fails the same way.
     *
     * @return null, or why no PNG chart can be drawn here (act two's chart asks too)
     */
    public static String fontProblem() {
        System.setProperty("java.awt.headless", "true");
        try {
            BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            try {
                for (Font font : new Font[] {new Font(Font.SANS_SERIF, Font.PLAIN, 12), new Font(Font.SANS_SERIF, Font.BOLD, 12)}) {
                    g.setFont(font);
                    g.drawString("baseline 0.5 %", 0, 8);
                }
            } finally {
                g.dispose();
            }
            return null;
        } catch (OutOfMemoryError | StackOverflowError e) {
            throw e;
        } catch (Error | RuntimeException e) {
            return describe(e);
        }
    }

    /** The throwable and its root cause, on one line (the JDK's InternalError alone says little). */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String what = root == e ? e.toString() : e.getClass().getName() + ", caused by " + root;
        return what.replaceAll("\\s+", " ").strip();
    }

    static JFreeChart build(ChartData data) {
        NumberAxis time = new NumberAxis("seconds since the baseline began");
        time.setRange(0, Math.max(1, data.end));
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
        plot.setGap(12);
        plot.add(throughputPlot(data), 1);
        plot.add(cpuPlot(data), 1);
        JFreeChart chart = new JFreeChart(data.title, new Font(Font.SANS_SERIF, Font.BOLD, 18), plot, true);
        chart.addSubtitle(new TextTitle(data.subtitle, new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static XYPlot throughputPlot(ChartData data) {
        XYSeries measured = series("fibtest throughput (its own per-second report)", data.throughput);
        XYSeries expected = new XYSeries("expected under the limit: quota/period × baseline", false, true);
        for (ChartData.Band b : data.bands) {
            if (!Double.isNaN(b.expectedMillions())) {
                expected.add(b.start(), b.expectedMillions());
                expected.add(b.end(), b.expectedMillions());
                expected.add(b.end(), null);
            }
        }
        XYPlot plot = plot(new NumberAxis("million iterations/s"), data.maxThroughput() * 1.1, measured, expected);
        marks(plot, data, true);
        return plot;
    }

    private static XYPlot cpuPlot(ChartData data) {
        XYSeries measured = series("CPU used by the group (its own accounting)", data.cpu);
        XYSeries limit = new XYSeries("limit: quota/period", false, true);
        for (ChartData.Band b : data.bands) {
            if (!Double.isNaN(b.limitPercent())) {
                limit.add(b.start(), b.limitPercent());
                limit.add(b.end(), b.limitPercent());
                limit.add(b.end(), null);
            }
        }
        XYPlot plot = plot(new NumberAxis("% of one CPU"), Math.max(10, data.maxCpu() * 1.1), measured, limit);
        marks(plot, data, false);
        return plot;
    }

    private static XYSeries series(String name, java.util.List<ChartData.Point> points) {
        XYSeries s = new XYSeries(name, false, true);
        for (ChartData.Point p : points) {
            s.add(p.x(), Double.isNaN(p.y()) ? null : p.y());
        }
        return s;
    }

    private static XYPlot plot(NumberAxis axis, double upper, XYSeries measured, XYSeries limit) {
        axis.setRange(0, upper);
        XYSeriesCollection dataset = new XYSeriesCollection();
        dataset.addSeries(measured);
        dataset.addSeries(limit);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, MEASURED);
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        renderer.setSeriesShapesVisible(0, true);
        renderer.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
        renderer.setSeriesPaint(1, LIMIT);
        renderer.setSeriesStroke(1, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 5f}, 0f));
        XYPlot plot = new XYPlot(dataset, null, axis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        return plot;
    }

    private static void marks(XYPlot plot, ChartData data, boolean labels) {
        for (ChartData.Band b : data.bands) {
            if (b.windowStart() > b.start()) {
                plot.addDomainMarker(new IntervalMarker(b.start(), b.windowStart(), SETTLE), Layer.BACKGROUND);
            }
            ValueMarker start = new ValueMarker(b.start(), Color.DARK_GRAY, new BasicStroke(1.2f));
            if (labels) {
                start.setLabel(b.name());
                start.setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
                start.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
                start.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            }
            plot.addDomainMarker(start, Layer.FOREGROUND);
        }
    }
}
