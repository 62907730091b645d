package io.github.jcg.cli.kernel;

import io.github.jcg.cli.Run;
import io.github.jcg.core.Cgroup;
import io.github.jcg.core.limit.Limit;
import io.github.jcg.core.limit.Resources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code jcg events} on the real kernel (root only), run in-process while the test makes things
 * happen: a process moved in and out (populated, empty; cgroup.events on v2, cgroup.procs
 * counted on v1), forks refused at pids.max, the group removed (the command ends).
 */
class EventsKernelTest {
    private KernelFixture kernel;

    @BeforeEach
    void setUp() {
        kernel = KernelFixture.require();
    }

    @AfterEach
    void tearDown() {
        if (kernel != null) {
            kernel.close();
        }
    }

    /** Runs jcg events while {@code meanwhile} makes things happen, until the command ends. */
    private static Run watching(ThrowingRunnable meanwhile, String... args) throws Exception {
        String[] argv = new String[args.length + 1];
        argv[0] = "events";
        System.arraycopy(args, 0, argv, 1, args.length);
        CompletableFuture<Run> run = CompletableFuture.supplyAsync(() -> Run.as("jcg", argv));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!run.isDone() && System.nanoTime() < deadline) {
            meanwhile.run();
        }
        return run.get(10, TimeUnit.SECONDS);
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** Two sibling groups to move a process between: v2 alone where there is a v2 hierarchy, else v1 pids. */
    private List<Cgroup> siblings() {
        String controllers = kernel.hasV2() ? "" : "pids";
        return List.of(kernel.create("a", controllers), kernel.create("b", controllers));
    }

    @Test
    void populatedAndEmptyAlternateAsJsonLines() throws Exception {
        List<Cgroup> ab = siblings();
        long pid = kernel.sleeper().pid();
        ab.get(1).attach(pid);
        int[] moves = {0};

        Run r = watching(() -> {
            ab.get(moves[0]++ % 2 == 0 ? 0 : 1).attach(pid);
            Thread.sleep(150);
        }, "-o", "json", "-e", "populated,empty", "-n", "4", "/" + kernel.path("a"));

        assertThat(r.status()).as(r.toString()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).as(r.toString()).hasSize(4);
        String first = lines.get(0).contains("\"event\":\"populated\"") ? "populated" : "empty";
        for (int i = 0; i < 4; i++) {
            boolean populated = first.equals("populated") == (i % 2 == 0);
            assertThat(lines.get(i)).matches("\\{\"time\":\"[-0-9T:.]+Z\",\"group\":\"/" + kernel.path("a") + "\",\"event\":\""
                    + (populated ? "populated\",\"value\":1,\"delta\":1" : "empty\",\"value\":0,\"delta\":-1") + "}");
        }
    }

    @Test
    void forksRefusedAtPidsMaxArriveAsPidsMaxLines() throws Exception {
        Cgroup g = kernel.create("forks", "pids");
        g.apply(Resources.builder().pidsMax(Limit.of(2)).build());
        // the inner shell is the second task: its fork for the first command is refused
        Process shell = new ProcessBuilder("sh", "-c", "read go; while :; do sh -c '/bin/true; /bin/true' 2>/dev/null;"
                + " sleep 1; done").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            g.attach(shell.pid());
            shell.getOutputStream().write('\n');
            shell.getOutputStream().flush();

            Run r = watching(() -> Thread.sleep(50), "-e", "pids_max", "-n", "2", "/" + kernel.path("forks"));

            assertThat(r.status()).as(r.toString()).isZero();
            List<String> lines = r.out().lines().toList();
            assertThat(lines).as(r.toString()).hasSize(2)
                    .allMatch(l -> l.matches("\\S+ /" + kernel.path("forks") + " pids_max \\+\\d+ total=\\d+"));
            assertThat(total(lines.get(1))).as("the second line's total is the first's plus its rise")
                    .isEqualTo(total(lines.get(0)) + rise(lines.get(1)));
        } finally {
            shell.destroyForcibly();
            shell.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static long total(String line) {
        return Long.parseLong(line.substring(line.indexOf("total=") + 6));
    }

    private static long rise(String line) {
        return Long.parseLong(line.substring(line.indexOf(" +") + 2, line.indexOf(" total=")));
    }

    @Test
    void theCommandEndsWhenTheGroupIsRemoved() throws Exception {
        Cgroup g = siblings().get(0);
        long start = System.nanoTime();
        // the group must outlive the command's start; under the VM lane's emulated CPU that
        // takes seconds (a group gone before it starts is an error: 82, 'does not exist')
        long removeAfter = TimeUnit.SECONDS.toNanos("host".equals(KernelFixture.layoutName()) ? 2 : 15);

        Run r = watching(() -> {
            Thread.sleep(50);
            if (System.nanoTime() - start > removeAfter && g.exists()) {
                g.delete();
            }
        }, "/" + kernel.path("a"));

        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).matches("\\S+ /" + kernel.path("a") + " removed\n");
    }
}
