package io.github.jcg.demo.kube;

import io.github.jcg.demo.ChartPng;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KubeChartTest {
    private final KubeReport report = SyntheticKubeReport.report(SyntheticKubeReport.goodRun(), List.of());

    @Test
    void bigsLimitIsDrawnOverStepTwoOnly() {
        assertThat(KubeChart.limitLine(report)).containsExactly(new double[] {20, 0.75}, new double[] {30, 0.75});
    }

    @Test
    void theSvgHasBothPodsTheLimitAndTheStepsAndEscapesText() {
        String svg = KubeChart.svg(report);

        assertThat(svg).startsWith("<svg").endsWith("</svg>\n");
        assertThat(svg).contains("stroke=\"#1f77b4\"", "stroke=\"#ff7f0e\"", "stroke-dasharray=\"8 5\"",
                "1. requests split CPU by weight", "1b. one contended CPU splits 1:3", "2. a CPU limit throttles");
        assertThat(KubeChart.escape("a<b & \"c\">")).isEqualTo("a&lt;b &amp; &quot;c&quot;&gt;");
    }

    @Test
    void thePngIsWrittenWholeWhereThereAreFonts(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(ChartPng.fontProblem() == null, "no fonts here: the SVG is written instead");
        Path png = dir.resolve("kube.png");

        Path written = KubeChart.write(report, png, new PrintWriter(new StringWriter()));

        assertThat(written).isEqualTo(png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(KubeChart.WIDTH);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(png);
        }
    }

    @Test
    void theSvgSitsNextToThePng() {
        assertThat(KubeChart.svgPath(Path.of("/tmp/a/jcg-demo-kube.png"))).isEqualTo(Path.of("/tmp/a/jcg-demo-kube.svg"));
        assertThat(KubeChart.svgPath(Path.of("chart"))).isEqualTo(Path.of("chart.svg"));
    }
}
