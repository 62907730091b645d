package io.github.jcg.demo.kube;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
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
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Act two's chart: each pod's CPU, second by second, across steps 1, 1b and 2, with big's limit
 * dashed in step 2, step starts as lines and settle times shaded. A PNG drawn headless with
 * JFreeChart; where AWT cannot draw text (no fonts: see {@link io.github.jcg.demo.ChartPng#fontProblem()})
 * a small hand-written SVG instead, whose text the viewer draws.
 */
public final class KubeChart {
    static final int WIDTH = 1200;
    static final int HEIGHT = 600;
    private static final Color SMALL = new Color(0x1f77b4);
    private static final Color BIG = new Color(0xff7f0e);
    private static final Color LIMIT = new Color(0xd62728);
    private static final Color SETTLE = new Color(0, 0, 0, 22);
    static final String TITLE = "jcg demo --kube: requests share the CPU, limits cap it";

    private KubeChart() {
    }

    /**
     * Writes the chart: the PNG at {@code png}, or where there are no fonts the SVG next to it
     * ({@code FILE.svg}), said on {@code err}.
     *
     * @param report the outcome
     * @param png    where the PNG goes
     * @param err    where the no-fonts line goes
     * @return the file written
     * @throws IOException when it cannot be written
     */
    public static Path write(KubeReport report, Path png, java.io.PrintWriter err) throws IOException {
        String noFonts = io.github.jcg.demo.ChartPng.fontProblem();
        if (noFonts != null) {
            Path svg = svgPath(png);
            byte[] text = svg(report).getBytes(StandardCharsets.UTF_8);
            replace(svg, out -> out.write(text));
            err.println("jcg demo --kube: chart: no usable fonts on this machine (" + noFonts + "); wrote "
                    + svg.toAbsolutePath() + " instead of " + png.toAbsolutePath());
            err.flush();
            return svg;
        }
        System.setProperty("java.awt.headless", "true");
        JFreeChart chart = build(report);
        replace(png, out -> ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT));
        return png;
    }

    static Path svgPath(Path png) {
        String name = png.getFileName().toString();
        String base = name.toLowerCase(Locale.ROOT).endsWith(".png") ? name.substring(0, name.length() - 4) : name;
        return png.resolveSibling(base + ".svg");
    }

    static JFreeChart build(KubeReport report) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        dataset.addSeries(series(report, DemoPods.SMALL, "small (requests.cpu 250m)"));
        dataset.addSeries(series(report, DemoPods.BIG, "big (requests.cpu 750m; step 2: limited)"));
        XYSeries limit = new XYSeries("big's limits.cpu (CFS quota)", false, true);
        limitLine(report).forEach(p -> limit.add(p[0], p[1]));
        dataset.addSeries(limit);
        NumberAxis time = new NumberAxis("seconds since step 1 began");
        time.setRange(0, Math.max(1, end(report)));
        NumberAxis cpu = new NumberAxis("CPUs used (the container group's own accounting)");
        cpu.setRange(0, Math.max(report.context().cpus(), maxCores(report)) * 1.1);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, SMALL);
        renderer.setSeriesPaint(1, BIG);
        renderer.setSeriesPaint(2, LIMIT);
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        renderer.setSeriesStroke(1, new BasicStroke(2f));
        renderer.setSeriesStroke(2, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 5f}, 0f));
        renderer.setSeriesShapesVisible(2, false);
        XYPlot plot = new XYPlot(dataset, time, cpu, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        for (StepSpan s : report.spans()) {
            if (s.windowStart() > s.start()) {
                plot.addDomainMarker(new IntervalMarker(s.start(), s.windowStart(), SETTLE), Layer.BACKGROUND);
            }
            ValueMarker start = new ValueMarker(s.start(), Color.DARK_GRAY, new BasicStroke(1.2f));
            start.setLabel(s.step().label() + ". " + s.step().story());
            start.setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            start.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            start.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            plot.addDomainMarker(start, Layer.FOREGROUND);
        }
        JFreeChart chart = new JFreeChart(TITLE, new Font(Font.SANS_SERIF, Font.BOLD, 18), plot, true);
        chart.addSubtitle(new TextTitle(subtitle(report), new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    static String subtitle(KubeReport report) {
        KubeContext c = report.context();
        return String.format(Locale.ROOT, "cgroup %s (%s host), %d CPUs, two pods of %d fibtest threads each (step 1b: all of them on one CPU),"
                + " kubelet cgroupRoot %s",
                c.cgroupVersion(), c.hostMode(), c.cpus(), c.threads(), c.cgroupRoot());
    }

    private static XYSeries series(KubeReport report, String pod, String label) {
        XYSeries s = new XYSeries(label, false, true);
        KubeStep previous = null;
        for (PodTick t : report.ticks()) {
            if (t.pod().equals(pod)) {
                if (previous != null && previous != t.step()) {
                    s.add(t.seconds() - 0.5, null); // a gap where the pod was recreated
                }
                s.add(t.seconds(), t.cores());
                previous = t.step();
            }
        }
        return s;
    }

    /** Big's limit over step 2, as x/y pairs. */
    static List<double[]> limitLine(KubeReport report) {
        List<double[]> out = new ArrayList<>();
        double limit = report.rows().stream().filter(r -> r.step() == KubeStep.CPU_LIMIT && r.pod().equals(DemoPods.BIG))
                .mapToDouble(r -> r.limits().cpu().milliValue() / 1000.0).findFirst().orElse(Double.NaN);
        if (Double.isNaN(limit) || limit == 0) {
            return out;
        }
        report.spans().stream().filter(s -> s.step() == KubeStep.CPU_LIMIT).findFirst().ifPresent(s -> {
            out.add(new double[] {s.start(), limit});
            out.add(new double[] {s.end(), limit});
        });
        return out;
    }

    private static double end(KubeReport report) {
        double end = report.spans().stream().mapToDouble(StepSpan::end).max().orElse(0);
        return Math.max(end, report.ticks().stream().mapToDouble(PodTick::seconds).max().orElse(0));
    }

    private static double maxCores(KubeReport report) {
        return report.ticks().stream().mapToDouble(PodTick::cores).filter(v -> !Double.isNaN(v)).max().orElse(1);
    }

    /** The chart as SVG: the same lines and markers, text drawn by the viewer. */
    static String svg(KubeReport report) {
        int left = 80;
        int right = 30;
        int top = 90;
        int height = 420;
        double xMax = Math.max(1, end(report));
        double yMax = Math.max(report.context().cpus(), maxCores(report)) * 1.1;
        double width = WIDTH - left - right;
        java.util.function.DoubleUnaryOperator x = v -> left + v / xMax * width;
        java.util.function.DoubleUnaryOperator y = v -> top + height - v / yMax * height;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        text(svg, WIDTH / 2.0, 30, 20, "middle", TITLE);
        text(svg, WIDTH / 2.0, 52, 12, "middle", subtitle(report));
        for (StepSpan s : report.spans()) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"black\" fill-opacity=\"0.09\"/>%n",
                    x.applyAsDouble(s.start()), top, x.applyAsDouble(s.windowStart()) - x.applyAsDouble(s.start()), height));
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#404040\"/>%n",
                    x.applyAsDouble(s.start()), top, x.applyAsDouble(s.start()), top + height));
            text(svg, x.applyAsDouble(s.start()) + 4, top + 14, 13, "start", s.step().label() + ". " + s.step().story());
        }
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"none\" stroke=\"#808080\"/>%n",
                left, top, width, height));
        for (int i = 0; i <= 4; i++) {
            double v = yMax * i / 4;
            text(svg, left - 6, y.applyAsDouble(v) + 4, 11, "end", String.format(Locale.ROOT, "%.2f", v));
        }
        text(svg, WIDTH / 2.0, top + height + 30, 12, "middle", "seconds since step 1 began (0 to "
                + String.format(Locale.ROOT, "%.0f", xMax) + "); y: CPUs used, the container group's own accounting");
        polyline(svg, report, DemoPods.SMALL, x, y, "#1f77b4");
        polyline(svg, report, DemoPods.BIG, x, y, "#ff7f0e");
        List<double[]> limit = limitLine(report);
        if (!limit.isEmpty()) {
            svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"#d62728\" stroke-width=\"2\" stroke-dasharray=\"8 5\" points=\"%.1f,%.1f %.1f,%.1f\"/>%n",
                    x.applyAsDouble(limit.get(0)[0]), y.applyAsDouble(limit.get(0)[1]),
                    x.applyAsDouble(limit.get(1)[0]), y.applyAsDouble(limit.get(1)[1])));
        }
        int legend = top + height + 55;
        text(svg, left, legend, 12, "start", "blue: small (requests.cpu 250m)   orange: big (requests.cpu 750m; step 2: limited)"
                + "   red dashed: big's limits.cpu (CFS quota)   shaded: settling, not measured");
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void polyline(StringBuilder svg, KubeReport report, String pod, java.util.function.DoubleUnaryOperator x,
                                 java.util.function.DoubleUnaryOperator y, String colour) {
        for (KubeStep step : KubeStep.values()) {
            StringBuilder points = new StringBuilder();
            for (PodTick t : report.ticks()) {
                if (t.pod().equals(pod) && t.step() == step && !Double.isNaN(t.cores())) {
                    points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x.applyAsDouble(t.seconds()), y.applyAsDouble(t.cores())));
                }
            }
            if (points.length() > 0) {
                svg.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\" points=\"")
                        .append(points.toString().strip()).append("\"/>\n");
            }
        }
    }

    private static void text(StringBuilder svg, double x, double y, int size, String anchor, String text) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" text-anchor=\"%s\">%s</text>%n",
                x, y, size, anchor, escape(text)));
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Writes a file's content to a stream. */
    private interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Whole or not at all: a temporary file next to it, renamed over it. */
    private static void replace(Path file, Content content) throws IOException {
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        // created with the process's umask, as the file itself would be (createTempFile would make it 0600)
        Path temp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong() >>> 1) + ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp,
                    java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE))) {
                content.writeTo(out);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }
}
