package io.github.jcg.it;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's library section says what the code does: its example is, line for line, the
 * part of {@code examples/library-consumer}'s LibraryExample between the two {@code // [readme]}
 * comments; the version in its Maven coordinates, and the one the example project builds
 * against, are this build's; its table of API packages is what module-info exports. Reads files
 * only (LibraryConsumerIT builds and runs the example).
 */
class LibraryReadmeTest {
    private static final Path ROOT = Path.of(System.getProperty("jcg.root", ".."));
    private static final Path EXAMPLE = ROOT.resolve("examples/library-consumer");
    private static final String MARKER = "// [readme]";

    @Test
    void theReadmesExampleIsTheExampleProjectsCode() throws IOException {
        List<String> java = Files.readAllLines(EXAMPLE.resolve("src/main/java/io/github/jcg/example/LibraryExample.java"));
        int first = indexOfMarker(java, 0);
        int second = indexOfMarker(java, first + 1);
        assertThat(first).as("the first %s in LibraryExample.java", MARKER).isNotNegative();
        assertThat(second).as("the closing %s in LibraryExample.java", MARKER).isGreaterThan(first);
        String indent = java.get(first).substring(0, java.get(first).indexOf(MARKER));
        List<String> marked = new ArrayList<>();
        for (String line : java.subList(first + 1, second)) {
            marked.add(line.startsWith(indent) ? line.substring(indent.length()) : line.strip());
        }

        List<String> readme = block(librarySection(), "java");

        assertThat(readme).as("README.md's library example against LibraryExample.java between the %s lines", MARKER)
                .containsExactlyElementsOf(marked);
    }

    @Test
    void theReadmesCoordinatesAndTheExampleProjectNameThisBuildsVersion() throws IOException {
        String version = System.getProperty("jcg.version");
        assertThat(version).as("jcg.version, set by integration-tests/pom.xml").isNotBlank();
        String coordinates = String.join("\n", block(librarySection(), "xml"));
        String pom = Files.readString(EXAMPLE.resolve("pom.xml"));

        assertThat(coordinates).contains("<groupId>io.github.jcg</groupId>", "<artifactId>cgroups-core</artifactId>",
                "<version>" + version + "</version>");
        assertThat(pom).as("examples/library-consumer/pom.xml's jcg.version").contains("<jcg.version>" + version + "</jcg.version>");
    }

    @Test
    void theReadmesApiPackagesAreWhatTheModuleExports() throws IOException {
        String moduleInfo = Files.readString(ROOT.resolve("cgroups-core/src/main/java/module-info.java"));
        List<String> exported = names(Pattern.compile("(?m)^\\s*exports\\s+([\\w.]+)\\s*;").matcher(moduleInfo));
        List<String> documented = names(Pattern.compile("(?m)^\\| `(io\\.github\\.jcg\\.core[\\w.]*)` \\|").matcher(librarySection()));

        assertThat(exported).isNotEmpty().noneMatch(p -> p.contains(".internal"));
        assertThat(documented).as("the packages in README.md's API table").containsExactlyInAnyOrderElementsOf(exported);
    }

    @Test
    void theReadmesKubePackagesAreWhatCgroupsKubeExports() throws IOException {
        String moduleInfo = Files.readString(ROOT.resolve("cgroups-kube/src/main/java/module-info.java"));
        List<String> exported = names(Pattern.compile("(?m)^\\s*exports\\s+([\\w.]+)\\s*;").matcher(moduleInfo));
        List<String> documented = names(Pattern.compile("(?m)^\\| `(io\\.github\\.jcg\\.kube[\\w.]*)` \\|").matcher(librarySection()));

        assertThat(exported).isNotEmpty();
        assertThat(documented).as("the packages in README.md's cgroups-kube table").containsExactlyInAnyOrderElementsOf(exported);
    }

    private static int indexOfMarker(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(MARKER)) {
                return i;
            }
        }
        return -1;
    }

    /** README.md from "## The library" to the next second-level heading. */
    private static String librarySection() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int start = readme.indexOf("\n## The library\n");
        assertThat(start).as("README.md's '## The library' heading").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    /** The lines of the first fenced block of that language. */
    private static List<String> block(String markdown, String language) {
        List<String> lines = markdown.lines().toList();
        int open = lines.indexOf("```" + language);
        assertThat(open).as("a ```%s block in README.md's library section", language).isNotNegative();
        int close = lines.subList(open + 1, lines.size()).indexOf("```");
        assertThat(close).as("the end of that ```%s block", language).isNotNegative();
        return lines.subList(open + 1, open + 1 + close);
    }

    private static List<String> names(Matcher m) {
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
