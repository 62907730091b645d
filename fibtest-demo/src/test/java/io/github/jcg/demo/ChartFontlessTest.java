package io.github.jcg.demo;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart on a machine without fonts, reproduced for real in child JVMs (same java, same
 * class path). There the JDK's font manager cannot start, and the first text drawn throws
 * {@code java.lang.InternalError: java.lang.reflect.InvocationTargetException} from
 * {@code sun.font.FontManagerFactory}; the demo used to leave a zero-byte PNG. Each fontless
 * environment is first shown to be one with plain AWT (no demo code), then the PNG writer alone
 * is shown to fail and leave nothing, then the demo's chart writing is shown to write the SVG
 * instead and say so in one line.
 *
 * <p>Two fontless environments: the JDK's font configuration pointed at a file that does not
 * exist ({@code -Dsun.awt.fontconfig}, any user); and, as root where {@code unshare} works, a
 * private mount namespace in which every font directory, fontconfig's configuration and
 * libfontconfig itself are covered by empty mounts, as in a slim container (only the child sees
 * those mounts; they go with it).
 */
class ChartFontlessTest {
    private static final String FONT_MANAGER_FAILURE = "java.lang.InternalError: java.lang.reflect.InvocationTargetException";

    /** Run as {@code sh -c HIDE_FONTS sh EMPTY_FILE JAVA_HOME command...} inside the new mount namespace. */
    private static final String HIDE_FONTS = String.join("\n",
            "set -eu",
            "empty=$1; jdk=$2; shift 2",
            "for d in /usr/share/fonts /usr/local/share/fonts /usr/share/X11/fonts /etc/fonts /var/cache/fontconfig \\",
            "         \"$HOME/.fonts\" \"$HOME/.local/share/fonts\" \"$HOME/.cache/fontconfig\" \"$jdk/lib/fonts\"; do",
            "  if [ -d \"$d\" ]; then mount -t tmpfs -o ro,size=4k jcg-no-fonts \"$d\"; fi",
            "done",
            "for f in /lib/libfontconfig.so* /lib/*/libfontconfig.so* /lib64/libfontconfig.so* /usr/lib/libfontconfig.so* \\",
            "         /usr/lib/*/libfontconfig.so* /usr/lib64/libfontconfig.so* /usr/local/lib/libfontconfig.so* \\",
            "         \"$jdk\"/lib/fontconfig*; do",
            "  if [ -e \"$f\" ]; then mount --bind \"$empty\" \"$f\"; fi",
            "done",
            "exec \"$@\"");

    @TempDir
    Path dir;

    @Test
    void withFontsAChildJvmDrawsTextAndTheChartIsThePngWithNothingSaid() throws Exception {
        Child awt = run(List.of(), "awt");
        assertThat(awt.status).as(awt.toString()).isZero();
        assertThat(awt.out).isEqualTo("drew text\n");

        Path png = out().resolve("chart.png");
        Child chart = run(List.of(), "chart", png.toString());
        assertThat(chart.status).as(chart.toString()).isZero();
        assertThat(chart.err).isEmpty();
        assertThat(chart.out.strip()).isEqualTo(png.toString());
        assertThat(Files.readAllBytes(png)).startsWith(0x89, 'P', 'N', 'G');
        assertThat(files()).containsExactly(png);
    }

    @Test
    void withTheJdksFontConfigurationMissingTheChartIsTheSvg() throws Exception {
        fontless(List.of(WorkloadCommand.currentJava(), "-Dsun.awt.fontconfig=" + dir.resolve("no-such-fontconfig.properties")));
    }

    @Test
    void withNoFontsAndNoFontconfigInAPrivateMountNamespaceTheChartIsTheSvg() throws Exception {
        long uid = Preflight.uid();
        skipUnless(uid == 0, "covering the font directories with empty mounts needs root (uid is " + uid + ")");
        Child probe = exec(List.of("unshare", "--mount", "--propagation", "private", "true"));
        skipUnless(probe.status == 0, "unshare --mount does not work here: " + probe);
        Path empty = Files.createFile(dir.resolve("empty"));
        String jdk = Path.of(WorkloadCommand.currentJava()).toRealPath().getParent().getParent().toString();
        fontless(List.of("unshare", "--mount", "--propagation", "private",
                "sh", "-c", HIDE_FONTS, "sh", empty.toString(), jdk, WorkloadCommand.currentJava()));
    }

    /** {@code java} is the start of the child's command line up to the java executable and its options. */
    private void fontless(List<String> java) throws Exception {
        Child awt = run(java, "awt");
        assertThat(awt.status).as("plain AWT must fail to draw text in this environment: %s", awt).isNotZero();
        assertThat(awt.err).as(awt.toString()).contains(FONT_MANAGER_FAILURE).contains("sun.font.FontManagerFactory");

        Path png = out().resolve("fibtest-demo.png");
        Child pngOnly = run(java, "png", png.toString());
        assertThat(pngOnly.status).as(pngOnly.toString()).isNotZero();
        assertThat(pngOnly.err).contains(FONT_MANAGER_FAILURE);
        assertThat(files()).as("no empty or partial PNG, no temporary file").isEmpty();

        Child chart = run(java, "chart", png.toString());
        assertThat(chart.status).as(chart.toString()).isZero();
        Path svg = out().resolve("fibtest-demo.svg");
        assertThat(chart.out.strip()).isEqualTo(svg.toString());
        assertThat(chart.err.lines()).as(chart.toString()).containsExactly(
                "jcg demo: chart: no usable fonts on this machine (java.lang.InternalError, caused by java.lang.RuntimeException: "
                        + "Fontconfig head is null, check your fonts or fonts configuration); wrote " + svg + " instead of " + png);
        assertThat(files()).containsExactly(svg);
        assertThat(Files.size(svg)).isPositive();
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(doc.getElementsByTagName("polyline").getLength()).isEqualTo(2);
        assertThat(Files.readString(svg)).contains(">baseline<", ">restored<");
    }

    /** Where the charts go; the child JVMs make it. */
    private Path out() {
        return dir.resolve("out");
    }

    /** Every file the children left where the charts go. */
    private List<Path> files() throws IOException {
        if (!Files.exists(out())) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(out())) {
            return all.filter(p -> !p.equals(out())).toList();
        }
    }

    private Child run(List<String> java, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(java.isEmpty() ? List.of(WorkloadCommand.currentJava()) : java);
        cmd.addAll(List.of("-cp", WorkloadCommand.currentClassPath(), FontlessChild.class.getName()));
        cmd.addAll(List.of(args));
        return exec(cmd);
    }

    private Child exec(List<String> cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectOutput(dir.resolve("child.out").toFile()).redirectError(dir.resolve("child.err").toFile());
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("the child JVM ran over 60 s: " + cmd);
        }
        String out = Files.readString(dir.resolve("child.out"), StandardCharsets.UTF_8);
        String err = Files.readString(dir.resolve("child.err"), StandardCharsets.UTF_8);
        Files.delete(dir.resolve("child.out"));
        Files.delete(dir.resolve("child.err"));
        return new Child(cmd, p.exitValue(), out, err);
    }

    private record Child(List<String> cmd, int status, String out, String err) {
        @Override
        public String toString() {
            String line = String.join(" ", cmd.stream().map(a -> a.length() > 100 ? a.substring(0, 100) + "…" : a).toList());
            return "exit " + status + " of " + line + "\nstdout: " + out + "\nstderr: " + err;
        }
    }

    private static void skipUnless(boolean condition, String reason) {
        if (!condition) {
            System.err.println("SKIPPED fontless chart test: " + reason);
        }
        Assumptions.assumeTrue(condition, reason);
    }
}
