package io.github.jcg.demo;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes the demo's chart files: the PNG (and the SVG with {@code --svg}), or, on a machine
 * where AWT cannot draw text (no fonts, no fontconfig: slim containers, minimal servers), the
 * SVG instead of the PNG, said in one line on stderr. The SVG needs no fonts: its text is
 * {@code <text>} elements that the viewer draws.
 *
 * <p>Every file is written whole or not at all: into a temporary file next to it, then moved
 * into place, and the temporary file is removed when writing fails.
 */
final class ChartFiles {
    /** Writes a file's content to a stream. */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private ChartFiles() {
    }

    /**
     * Writes the charts and adds each file written to {@code written} (so that the ones
     * written before a failure are still reported).
     */
    static void write(DemoReport report, Path png, boolean alsoSvg, PrintWriter err, List<Path> written)
            throws IOException {
        String noFonts = ChartPng.fontProblem();
        if (noFonts != null) {
            Path svg = svgPath(png);
            ChartSvg.write(report, svg);
            written.add(svg);
            err.println("jcg demo: chart: no usable fonts on this machine (" + noFonts + "); wrote "
                    + svg.toAbsolutePath() + " instead of " + png.toAbsolutePath());
            err.flush();
            return;
        }
        ChartPng.write(report, png);
        written.add(png);
        if (alsoSvg) {
            Path svg = svgPath(png);
            ChartSvg.write(report, svg);
            written.add(svg);
        }
    }

    /** {@code FILE.svg} next to {@code FILE.png} (or next to {@code FILE} without that suffix). */
    static Path svgPath(Path png) {
        String name = png.getFileName().toString();
        String base = name.toLowerCase(Locale.ROOT).endsWith(".png") ? name.substring(0, name.length() - 4) : name;
        return png.resolveSibling(base + ".svg");
    }

    /**
     * Replaces {@code file} with {@code content}, never leaving an empty or partial file: the
     * content goes to a new temporary file in the same directory (created with the process's
     * umask, as the file itself would be), which is then renamed over {@code file}. When
     * anything fails, even an {@link Error} while drawing, the temporary file is removed.
     */
    static void replace(Path file, Content content) throws IOException {
        Path target = file.toAbsolutePath();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path temp = parent.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(
                    Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))) {
                content.writeTo(out);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (Throwable t) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                t.addSuppressed(e);
            }
            throw t;
        }
    }
}
