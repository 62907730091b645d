package io.github.jcg.demo;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link ChartFontlessTest} runs in a child JVM, one step per run:
 * {@code awt} draws a string with plain AWT (none of the demo's code, so a failure here shows
 * the machine itself cannot draw text); {@code png FILE} runs the PNG writer alone, with no
 * fallback; {@code chart FILE} runs the demo's chart writing as {@code jcg demo} does, and
 * prints each file written. A throwable ends the run with its stack trace on stderr.
 */
final class FontlessChild {
    private FontlessChild() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        switch (args[0]) {
            case "awt" -> {
                BufferedImage image = new BufferedImage(64, 16, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = image.createGraphics();
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
                g.drawString("drawn", 0, 12);
                System.out.println("drew text");
            }
            case "png" -> {
                ChartPng.write(SyntheticReport.report(), Path.of(args[1]));
                System.out.println("wrote " + args[1]);
            }
            case "chart" -> {
                PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
                List<Path> written = new ArrayList<>();
                ChartFiles.write(SyntheticReport.report(), Path.of(args[1]), false, err, written);
                written.forEach(System.out::println);
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }
}
