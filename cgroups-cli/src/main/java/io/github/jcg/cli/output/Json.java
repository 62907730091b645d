package io.github.jcg.cli.output;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

import java.io.PrintWriter;
import java.util.function.Consumer;

/** Writes one JSON document per call, on one line, for {@code -o json}. */
public final class Json {
    private static final JsonFactory FACTORY = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private Json() {
    }

    /** Writes what {@code body} generates followed by a newline; the writer stays open. */
    public static void writeLine(PrintWriter out, Consumer<JsonGenerator> body) {
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            body.accept(json);
        }
        out.println();
        out.flush();
    }
}
