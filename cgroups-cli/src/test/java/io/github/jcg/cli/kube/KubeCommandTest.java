package io.github.jcg.cli.kube;

import io.github.jcg.cli.FakeHosts;
import io.github.jcg.cli.Hosts;
import io.github.jcg.cli.Run;
import io.github.jcg.testing.FakeHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code jcg kube} on fake hosts, in-process: what is planned for each layout, and every way a
 * bad manifest or an admission refusal ends (one line, exit status 1, nothing admitted). Making
 * the groups for real is {@code KubeCommandsKernelTest}'s.
 */
class KubeCommandTest {
    private static final String BURSTABLE = """
            apiVersion: v1
            kind: Pod
            metadata: {name: web, uid: 11111111-2222-3333-4444-555555555555}
            spec:
              containers:
              - name: app
                resources:
                  requests: {cpu: 250m, memory: 64Mi}
                  limits: {cpu: 500m, memory: 128Mi}
            """;
    private static final String GUARANTEED = """
            apiVersion: v1
            kind: Pod
            metadata: {name: db, uid: 99999999-2222-3333-4444-555555555555}
            spec:
              containers:
              - name: pg
                resources:
                  limits: {cpu: "1", memory: 256Mi}
            """;

    @TempDir
    Path tmp;

    private Path file(String name, String text) throws IOException {
        Path f = tmp.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private Run kube(FakeHost fake, String... args) {
        List<String> argv = new ArrayList<>(List.of("kube"));
        argv.add(args[0]);
        argv.addAll(List.of("--state-dir", tmp.resolve("state").toString(), "--cgroup-root", "/t"));
        argv.addAll(List.of(args).subList(1, args.length));
        try (Hosts.Scope scope = FakeHosts.use(fake)) {
            return Run.as("jcg", argv.toArray(new String[0]));
        }
    }

    @Test
    void planOnV1NamesTheKubeletsFilesAndWritesNothing() throws IOException {
        FakeHost fake = FakeHost.hybrid(tmp.resolve("host"));
        Run r = kube(fake, "apply", "-f", file("web.yaml", BURSTABLE).toString(), "--plan", "-o", "json");
        assertThat(r.status()).as(r.toString()).isZero();
        String pod = "/t/kubepods/burstable/pod11111111-2222-3333-4444-555555555555";
        assertThat(r.out()).contains("\"qosClass\":\"Burstable\"")
                .contains("{\"path\":\"" + pod + "\",\"role\":\"pod\"")
                .contains("{\"path\":\"" + pod + "/app\",\"role\":\"container\",\"container\":\"app\",\"files\":"
                        + "{\"memory.limit_in_bytes\":\"134217728\",\"cpu.shares\":\"256\",\"cpu.cfs_period_us\":\"100000\","
                        + "\"cpu.cfs_quota_us\":\"50000\"}")
                .contains("{\"path\":\"/t/kubepods/burstable\",\"role\":\"qos\",\"container\":null,\"files\":{\"cpu.shares\":\"256\"}");
        assertThat(tmp.resolve("state/t.json")).doesNotExist();
        assertThat(tmp.resolve("host/sys/fs/cgroup/cpu/t")).doesNotExist();
    }

    @Test
    void planOnV2WritesWeightsAndCpuMax() throws IOException {
        FakeHost fake = FakeHost.unifiedAllEnabled(tmp.resolve("host"));
        Run r = kube(fake, "apply", "-f", file("db.yaml", GUARANTEED).toString(), "--plan", "-o", "json");
        assertThat(r.status()).as(r.toString()).isZero();
        String pod = "/t/kubepods/pod99999999-2222-3333-4444-555555555555";
        // the kubelet's own groups: the linear formula, 1 + (1024 - 2) x 9999 / 262142 = 39
        assertThat(r.out()).contains("\"qosClass\":\"Guaranteed\"")
                .contains("{\"path\":\"" + pod + "\",\"role\":\"pod\",\"container\":null,\"files\":{\"memory.max\":\"268435456\","
                        + "\"cpu.weight\":\"39\",\"cpu.max\":\"100000 100000\"}");
        // the container: runc's curve, 1024 shares -> weight 100
        assertThat(r.out()).contains("\"cpu.weight\":\"100\"");
    }

    @Test
    void planAsTextShowsEveryFormula() throws IOException {
        FakeHost fake = FakeHost.hybrid(tmp.resolve("host"));
        Run r = kube(fake, "apply", "-f", file("web.yaml", BURSTABLE).toString(), "--plan");
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).contains("QoS class Burstable").contains("max(500m × 100000 / 1000, 1000) = 50000");
    }

    @Test
    void aLimitRangeIsKeptAndRefusesALaterPodWithTheApiServersWords() throws IOException {
        FakeHost fake = FakeHost.hybrid(tmp.resolve("host"));
        Path lr = file("lr.yaml", """
                apiVersion: v1
                kind: LimitRange
                metadata: {name: floor}
                spec:
                  limits:
                  - type: Container
                    min: {cpu: 300m}
                """);
        Run stored = kube(fake, "apply", "-f", lr.toString());
        assertThat(stored.status()).as(stored.toString()).isZero();
        assertThat(stored.out()).contains("limitrange/floor created");
        Run refused = kube(fake, "apply", "-f", file("web.yaml", BURSTABLE).toString(), "--plan");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.errLines()).containsExactly(
                "jcg kube apply: pods \"web\" is forbidden: minimum cpu usage per Container is 300m, but request is 250m");
    }

    @Test
    void aQuotaRefusesWhatWouldExceedIt() throws IOException {
        FakeHost fake = FakeHost.hybrid(tmp.resolve("host"));
        Path quota = file("quota.yaml", """
                apiVersion: v1
                kind: ResourceQuota
                metadata: {name: compute}
                spec:
                  hard: {limits.cpu: 400m}
                """);
        Run r = kube(fake, "apply", "-f", quota.toString(), "-f", file("web.yaml", BURSTABLE).toString(), "--plan");
        assertThat(r.status()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).startsWith("jcg kube apply: pods \"web\" is forbidden: exceeded quota: compute, requested: limits.cpu=500m,"
                + " used: limits.cpu=0, limited: limits.cpu=400m");
        assertThat(r.errLines()).hasSize(1);
    }

    @Test
    void badManifestsGetOneLineNamingTheField() throws IOException {
        FakeHost fake = FakeHost.hybrid(tmp.resolve("host"));
        Run quantity = kube(fake, "apply", "--plan", "-f", file("q.yaml", BURSTABLE.replace("cpu: 500m", "cpu: 5OOm")).toString());
        assertThat(quantity.status()).isEqualTo(1);
        assertThat(quantity.errLines()).hasSize(1);
        assertThat(quantity.err()).contains("spec.containers[0].resources.limits.cpu").contains("'5OOm'");

        Run kind = kube(fake, "apply", "--plan", "-f", file("d.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\n").toString());
        assertThat(kind.status()).isEqualTo(1);
        assertThat(kind.err()).contains("unknown kind 'Deployment'");

        Run below = kube(fake, "apply", "--plan", "-f", file("b.yaml", BURSTABLE.replace("cpu: 500m", "cpu: 100m")).toString());
        assertThat(below.status()).isEqualTo(1);
        assertThat(below.err()).contains("spec.containers[0].resources.requests").contains("must be less than or equal to cpu limit");

        Run empty = kube(fake, "apply", "--plan", "-f", file("e.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec: {}\n").toString());
        assertThat(empty.status()).isEqualTo(1);
        assertThat(empty.err()).contains("spec.containers");
        assertThat(tmp.resolve("state/t.json")).doesNotExist();
    }

    @Test
    void aDashReadsTheManifestFromStandardInput() {
        FakeHost fake = FakeHost.hybrid(tmp.resolve("host"));
        java.io.InputStream stdin = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(GUARANTEED.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            Run r = kube(fake, "apply", "-f", "-", "--plan", "-o", "json");
            assertThat(r.status()).as(r.toString()).isZero();
            assertThat(r.out()).contains("\"pod\":\"db\"").contains("\"qosClass\":\"Guaranteed\"");
        } finally {
            System.setIn(stdin);
        }
    }

    @Test
    void execWithAnUnknownContainerAppliesNothing() throws IOException {
        FakeHost fake = FakeHost.hybrid(tmp.resolve("host"));
        Run r = kube(fake, "exec", "-f", file("web.yaml", BURSTABLE).toString(), "-c", "nope", "--", "true");
        assertThat(r.status()).as(r.toString()).isEqualTo(1);
        assertThat(r.errLines()).containsExactly("jcg kube exec: container \"nope\" not found in pod \"web\"; its containers: app");
        assertThat(tmp.resolve("state/t.json")).doesNotExist();
        assertThat(tmp.resolve("host/sys/fs/cgroup/cpu/t")).doesNotExist();
    }

    @Test
    void evictOnlyRanks() {
        FakeHost fake = FakeHost.hybrid(tmp.resolve("host"));
        Run r = kube(fake, "evict");
        assertThat(r.status()).isNotZero();
        assertThat(r.err()).contains("add --dry-run");
    }

    @Test
    void nodeShowsThisHostsCpusAndTheKubeletDefaultsReservation() {
        FakeHost fake = FakeHost.hybrid(tmp.resolve("host"));
        Run r = kube(fake, "node", "-o", "json");
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).contains("\"cpu\":\"" + io.github.jcg.kube.node.NodeCapacity.ofHost(
                io.github.jcg.kube.node.KubeletConfig.defaults()).cpu() + "\"").contains("\"pods\":\"110\"");
    }
}
