package io.github.jcg.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The table of commands agrees with itself, with what runs, and with what jcg --help lists. */
class CommandsTest {
    /** libcgroup's tools jcg stands in for (GetoptCommandsTest runs each of them). */
    private static final List<String> LIBCGROUP_TOOLS = List.of("cgcreate", "cgdelete", "cgset", "cgget", "cgxset", "cgxget",
            "cgexec", "cgclassify", "lscgroup", "lssubsys");

    @Test
    void everyLibcgroupNameMapsToAGetoptCommand() {
        List<String> names = Arrays.stream(Commands.values()).flatMap(c -> c.libcgroupNames().stream()).toList();
        assertThat(names).containsExactlyInAnyOrderElementsOf(LIBCGROUP_TOOLS).doesNotHaveDuplicates();
        for (String tool : LIBCGROUP_TOOLS) {
            Commands command = Commands.forLibcgroupName(tool).orElseThrow();
            assertThat(command.isGetopt()).as(tool).isTrue();
            assertThat(command.make()).as(tool).isInstanceOf(GetoptCommand.class);
            assertThat(Commands.isLibcgroupName(tool)).isTrue();
        }
        assertThat(Commands.isLibcgroupName("jcg")).isFalse();
        assertThat(Commands.isLibcgroupName("jcg get")).isFalse();
        assertThat(Commands.isLibcgroupName("get")).isFalse();
    }

    @Test
    void eachEntryMakesTheKindOfCommandItSaysUnderItsOwnName() {
        assertThat(Arrays.stream(Commands.values()).map(Commands::jcgName)).doesNotHaveDuplicates();
        for (Commands c : Commands.values()) {
            Object made = c.make();
            assertThat(made).as(c.jcgName()).isNotSameAs(c.make());
            if (c.isGetopt()) {
                assertThat(made).as(c.jcgName()).isInstanceOf(GetoptCommand.class);
                assertThat(c.makeGetopt().usage("jcg " + c.jcgName())).startsWith("Usage: jcg " + c.jcgName() + " ");
                assertThat(Commands.getopt(c.jcgName())).contains(c);
            } else {
                assertThat(made).as(c.jcgName()).isNotInstanceOf(GetoptCommand.class);
                Command annotation = made.getClass().getAnnotation(Command.class);
                assertThat(annotation).as(c.jcgName() + " is a picocli command").isNotNull();
                assertThat(annotation.name()).isEqualTo(c.jcgName());
                assertThat(c.libcgroupNames()).isEmpty();
                assertThat(Commands.getopt(c.jcgName())).isEmpty();
            }
            assertThat(Commands.named(c.jcgName())).contains(c);
        }
        assertThat(Commands.named("nosuch")).isEmpty();
    }

    /** jcg --help lists the listed commands in the table's order, then help; cds-training stays hidden. */
    @Test
    void theListingShowsTheListedCommandsInTheTablesOrder() {
        Run r = Run.as("jcg", "--help");
        assertThat(r.status()).isZero();
        List<String> listed = r.out().lines().dropWhile(l -> !l.equals("Commands:")).skip(1)
                .filter(l -> l.startsWith("  ") && !l.startsWith("   "))
                .map(l -> l.strip().split("\\s+")[0]).toList();

        List<String> expected = Stream.concat(Arrays.stream(Commands.values()).filter(Commands::listed).map(Commands::jcgName),
                Stream.of("help")).toList();
        assertThat(listed).containsExactlyElementsOf(expected);
        assertThat(listed).containsExactly("info", "create", "delete", "set", "get", "exec", "classify", "ls", "lssubsys",
                "run", "demo", "fibtest", "top", "events", "kube", "help");
        assertThat(Commands.named("cds-training").orElseThrow().listed()).isFalse();
        assertThat(Run.as("jcg", "help").out()).isEqualTo(r.out());
    }

    @Test
    void aGetoptCommandsLineInTheListingIsItsSummary() {
        String listing = Run.as("jcg", "--help").out();
        for (Commands c : Commands.values()) {
            if (c.isGetopt()) {
                String summary = c.makeGetopt().syntax().summary();
                String firstWords = summary.substring(0, Math.min(summary.length(), 30));
                assertThat(listing).as(c.jcgName()).containsPattern("\\n  " + c.jcgName() + " +" + java.util.regex.Pattern.quote(firstWords));
            }
        }
    }
}
