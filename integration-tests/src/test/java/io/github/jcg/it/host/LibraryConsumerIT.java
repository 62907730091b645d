package io.github.jcg.it.host;

import io.github.jcg.it.support.HostCgroups;
import io.github.jcg.it.support.Processes;
import io.github.jcg.it.support.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * cgroups-core as a library other projects depend on. {@code examples/library-consumer} is a
 * Maven project outside jcg's build: it depends on {@code io.github.jcg:cgroups-core} alone and
 * its module requires {@code io.github.jcg.core}, so javac proves the exported packages are
 * enough for the README's example. It is copied under {@code target/} and built with Maven
 * against the cgroups-core this build made, installed with jcg's parent pom into a private
 * local repository ({@code integration-tests/pom.xml}, {@code library-consumer-settings.xml});
 * everything else comes from the user's local repository, read as a file:// repository, so the
 * build works offline. Then, as root, the example runs on the module path in a group under this
 * run's parent and must print the limits it set as the kernel reads them back, CPU time the
 * busy shell spent within them, and that the group is gone.
 */
@Tag("host")
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class LibraryConsumerIT {
    private static final String MAIN_MODULE = "io.github.jcg.example";

    private static Path project;
    private static Result build;

    @BeforeAll
    static void buildTheExampleAgainstThePrivateRepository() throws IOException {
        Path root = Path.of(property("jcg.root")).toRealPath();
        project = Path.of(property("jcg.it.consumerDir"));
        copyProject(root.resolve("examples/library-consumer"), project);

        List<String> mvn = new ArrayList<>(List.of(
                Path.of(property("jcg.it.mavenHome"), "bin", "mvn").toString(), "-B", "-ntp", "-Dstyle.color=never",
                "-s", property("jcg.it.consumerSettings"),
                "-Djcg.consumer.localRepository=" + property("jcg.it.consumerRepo"),
                "-Djcg.consumer.hostCache=" + Path.of(property("jcg.it.hostRepo")).toUri()));
        if (property("jcg.it.mavenMode").equals("offline=true")) {
            // offline as the outer build is, except for file:// repositories: the user's local one
            mvn.addAll(List.of("-o", "-Daether.offline.protocols=file"));
        }
        mvn.add("package");
        build = Processes.run(mvn, Duration.ofMinutes(4), Map.of("JAVA_HOME", System.getProperty("java.home")), project);
    }

    @Test
    void buildsWithMavenAgainstTheCgroupsCoreThisBuildMade() throws IOException {
        build.requireOk();
        Path fresh = Path.of(property("jcg.root"), "cgroups-core", "target", "cgroups-core-" + property("jcg.version") + ".jar");
        Path resolved = Path.of(property("jcg.it.consumerRepo"), "io", "github", "jcg", "cgroups-core", property("jcg.version"),
                "cgroups-core-" + property("jcg.version") + ".jar");
        Path onModulePath = project.resolve("target/lib").resolve(fresh.getFileName());

        assertThat(resolved).as("cgroups-core installed into the private repository").hasSameBinaryContentAs(fresh);
        assertThat(onModulePath).as("the cgroups-core the example was built and is run with").hasSameBinaryContentAs(fresh);
        assertThat(project.resolve("target/classes/module-info.class")).as("the example is a named module").exists();
        assertThat(project.resolve("target/library-consumer.jar")).exists();
    }

    @Test
    void runsOnTheModulePathAsTheReadmeSaysAndLeavesNothingBehind() {
        build.requireOk();
        HostCgroups cg = HostCgroups.require();
        String group = cg.path("library-consumer");
        // never memory: on the project's machines a supervisor keeps processes in memory groups
        // that no test may take them out of (the example limits memory only where it is named)
        String controllers = cg.find("cpuacct").isPresent() ? "cpu,cpuacct,pids" : "cpu,pids";
        String modulePath = project.resolve("target/library-consumer.jar") + ":" + project.resolve("target/lib");

        Result run = Processes.run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-p", modulePath, "-m", MAIN_MODULE, group, controllers), Duration.ofSeconds(60), Map.of(), project);

        // what it measured, in the build log
        run.lines().forEach(line -> System.out.println("library example: " + line));
        try {
            run.requireOk();
            assertThat(run.err()).as("stderr of %s", run).isEmpty();
            List<String> lines = run.lines();
            assertThat(lines).as("%s", run).hasSize(4);
            assertThat(lines.get(0)).isEqualTo("created: " + controllers + ":/" + group);
            // memory is not limited: "-" where the group has no memory files (a v1 memory hierarchy
            // it is not in), "max" on v2 where the parent's subtree_control enables memory anyway
            assertThat(lines.get(1)).as("the limits read back from the kernel")
                    .matches("limits: cpu 50000 us per 100000 us, pids 100, memory (-|max)");
            Matcher usage = Pattern.compile("usage: cpu (\\d+) ms in (\\d+) ms, throttled in (\\d+) of (\\d+) periods, (\\d+) process")
                    .matcher(lines.get(2));
            assertThat(usage.matches()).as("usage line: %s", lines.get(2)).isTrue();
            long cpuMs = Long.parseLong(usage.group(1));
            long wallMs = Long.parseLong(usage.group(2));
            assertThat(cpuMs).as("CPU time of the busy shell, counted in the group").isPositive();
            // half a CPU: at most half the time it ran, plus up to a period's quota at each end of
            // the window (the kernel hands out quota per period, not per millisecond)
            assertThat(cpuMs).as("CPU time under a 0.5 CPU limit in %d ms", wallMs).isLessThanOrEqualTo(wallMs / 2 + 100);
            assertThat(Long.parseLong(usage.group(4))).as("CFS periods in which the shell ran").isPositive();
            assertThat(Long.parseLong(usage.group(3))).isLessThanOrEqualTo(Long.parseLong(usage.group(4)));
            assertThat(Long.parseLong(usage.group(5))).as("processes in the group").isEqualTo(1);
            assertThat(lines.get(3)).isEqualTo("deleted: yes");
            assertThat(cg.whereExists(group)).as("hierarchies where %s is still there", group).isEmpty();
        } finally {
            // a failed run may have left the group, and the shell in it: removed (and killed) here
            cg.removeTree(group);
        }
    }

    private static void copyProject(Path from, Path to) throws IOException {
        if (Files.exists(to)) {
            try (Stream<Path> old = Files.walk(to)) {
                for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        try (Stream<Path> files = Files.walk(from)) {
            // the sources only: never a target/ left by someone building the example by hand
            for (Path p : files.filter(p -> !from.relativize(p).startsWith("target")).toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set: run this test through Maven (failsafe)");
        }
        return value;
    }
}
