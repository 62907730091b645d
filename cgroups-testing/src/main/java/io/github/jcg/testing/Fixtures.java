package io.github.jcg.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the kernel files kept in this jar under {@code fixtures/} (see the README there): a
 * hybrid host's files copied verbatim, and files in the formats the kernel documents.
 */
public final class Fixtures {
    private Fixtures() {
    }

    /** The text of {@code fixtures/<relative>}, exactly as it was copied. */
    public static String text(String relative) {
        String resource = "/fixtures/" + relative;
        try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test fixture " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(String relative) {
        return text(relative).getBytes(StandardCharsets.UTF_8);
    }
}
