package io.github.jcg.demo;

import org.jfree.chart.ChartUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChartTest {
    @Test
    void pngIsARealImageOfTheChartsSize(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("sub/chart.png");

        ChartPng.write(SyntheticReport.report(), png);

        byte[] head = Files.readAllBytes(png);
        assertThat(head).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(ChartPng.WIDTH);
        assertThat(image.getHeight()).isEqualTo(ChartPng.HEIGHT);
    }

    @Test
    void pngIsTheSameAsJFreeChartSavesIt(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("chart.png");
        Path saved = dir.resolve("saved.png");

        ChartPng.write(SyntheticReport.report(), png);
        ChartUtils.saveChartAsPNG(saved.toFile(), ChartPng.build(new ChartData(SyntheticReport.report())), ChartPng.WIDTH, ChartPng.HEIGHT);

        assertThat(Files.readAllBytes(png)).isEqualTo(Files.readAllBytes(saved));
    }

    @Test
    void withFontsTheChartsAreThePngAndTheSvgAndNothingIsSaid(@TempDir Path dir) throws Exception {
        StringWriter err = new StringWriter();
        List<Path> written = new ArrayList<>();

        assertThat(ChartPng.fontProblem()).isNull();
        ChartFiles.write(SyntheticReport.report(), dir.resolve("c.png"), true, new PrintWriter(err), written);

        assertThat(written).containsExactly(dir.resolve("c.png"), dir.resolve("c.svg"));
        assertThat(err.toString()).isEmpty();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactlyInAnyOrder(dir.resolve("c.png"), dir.resolve("c.svg"));
        }
    }

    @Test
    void aFileIsReplacedWholeOrNotAtAll(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("chart.png");
        Files.writeString(file, "the last run's chart");

        assertThatThrownBy(() -> ChartFiles.replace(file, out -> {
            out.write("half a chart".getBytes(StandardCharsets.UTF_8));
            throw new InternalError("no fonts");
        })).isInstanceOf(InternalError.class).hasMessage("no fonts");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
        assertThat(Files.readString(file)).isEqualTo("the last run's chart");

        ChartFiles.replace(file, out -> out.write("this run's chart".getBytes(StandardCharsets.UTF_8)));
        assertThat(Files.readString(file)).isEqualTo("this run's chart");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aThrowableIsDescribedWithItsRootCauseOnOneLine() {
        Throwable e = new InternalError(new java.lang.reflect.InvocationTargetException(new RuntimeException("head is\nnull")));

        assertThat(ChartPng.describe(e)).isEqualTo("java.lang.InternalError, caused by java.lang.RuntimeException: head is null");
        assertThat(ChartPng.describe(new Error("No physical fonts found."))).isEqualTo("java.lang.Error: No physical fonts found.");
    }

    @Test
    void svgIsWellFormedWithBothPanelsPhasesAndLimits(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("chart.svg");

        ChartSvg.write(SyntheticReport.report(), svg);

        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(doc.getElementsByTagName("polyline").getLength()).isEqualTo(2);
        String text = Files.readString(svg);
        assertThat(text).contains(">baseline<", ">choked 2 %<", ">middle 50 %<", ">restored<", "stroke-dasharray");
    }

    @Test
    void chartDataPlacesEachSecondAtItsMiddleAndDrawsLimitsOnlyWhereThereAreSome() {
        ChartData data = new ChartData(SyntheticReport.report());

        assertThat(data.cpu.get(0).x()).isEqualTo(0.5);
        assertThat(data.bands).extracting(ChartData.Band::name).containsExactly("baseline", "choked 2 %", "middle 50 %", "restored");
        assertThat(data.bands.get(0).limitPercent()).isNaN();
        assertThat(data.bands.get(1).limitPercent()).isEqualTo(2.0);
        assertThat(data.bands.get(1).expectedMillions()).isEqualTo(60.0);
        assertThat(data.bands.get(1).windowStart()).isEqualTo(8.0);
        assertThat(data.end).isEqualTo(24.0);
    }

    @Test
    void niceStepsAreRound() {
        assertThat(ChartSvg.niceStep(3300, 5)).isEqualTo(1000);
        assertThat(ChartSvg.niceStep(110, 5)).isEqualTo(25);
        assertThat(ChartSvg.niceStep(24, 12)).isEqualTo(2);
        assertThat(ChartSvg.niceStep(60, 12)).isEqualTo(5);
    }

    @Test
    void svgFileSitsNextToThePng() {
        assertThat(ChartFiles.svgPath(Path.of("out/fibtest-demo.png"))).isEqualTo(Path.of("out/fibtest-demo.svg"));
        assertThat(ChartFiles.svgPath(Path.of("chart"))).isEqualTo(Path.of("chart.svg"));
    }
}
