package io.github.jcg.kube;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Manifests: YAML and JSON, documents and Lists, the API server's defaulting, and every refusal. */
class ManifestsTest {

    private static final String FORMAT_RULE =
            "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
    private static final String KINDS = "jcg reads Pod, LimitRange and ResourceQuota (and List)";

    private static List<Manifest> parse(String text) {
        return Manifests.parse(text, "m.yaml");
    }

    private static Pod pod(String text) {
        List<Manifest> all = parse(text);
        assertThat(all).hasSize(1);
        return (Pod) all.get(0);
    }

    /** A pod named web with one container whose resources are the given YAML lines. */
    private static String webPod(String resources) {
        return """
                apiVersion: v1
                kind: Pod
                metadata: {name: web}
                spec:
                  containers:
                  - name: app
                    image: nginx
                    resources:
                """ + resources.indent(6);
    }

    private static Quantity q(String s) {
        return Quantity.parse(s);
    }

    @Test
    void readsEveryDocumentInOrderSkippingEmptyOnes() {
        List<Manifest> all = parse("""
                # a leading comment
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                  namespace: shop
                  uid: 8d3c4a0e-1111-2222-3333-444455556666
                  labels: {app: web}
                spec:
                  nodeName: n1
                  containers:
                  - name: app
                    image: nginx:1.27
                    ports: [{containerPort: 80}]
                    resources:
                      requests: {cpu: 250m, memory: 64Mi}
                      limits: {cpu: "1", memory: 128Mi}
                ---
                ---
                # only a comment
                ---
                apiVersion: v1
                kind: LimitRange
                metadata: {name: limits, namespace: shop}
                spec:
                  limits:
                  - type: Container
                    max: {cpu: "2", memory: 1Gi}
                    min: {cpu: 10m}
                    default: {cpu: 500m, memory: 256Mi}
                    defaultRequest: {cpu: 100m}
                    maxLimitRequestRatio: {cpu: "4"}
                  - type: Pod
                    max: {memory: 2Gi}
                ---
                apiVersion: v1
                kind: ResourceQuota
                metadata: {name: quota}
                spec:
                  hard:
                    requests.cpu: "4"
                    limits.memory: 8Gi
                    pods: "10"
                  scopes: [NotBestEffort]
                """);
        assertThat(all).extracting(Manifest::kind).containsExactly("Pod", "LimitRange", "ResourceQuota");

        Pod web = (Pod) all.get(0);
        assertThat(web.name()).isEqualTo("web");
        assertThat(web.namespace()).isEqualTo("shop");
        assertThat(web.uid()).isEqualTo("8d3c4a0e-1111-2222-3333-444455556666");
        assertThat(web.priority()).isZero();
        assertThat(web.initContainers()).isEmpty();
        Container app = web.containers().get(0);
        assertThat(app.name()).isEqualTo("app");
        assertThat(app.kind()).isEqualTo(Container.Kind.REGULAR);
        assertThat(app.requests()).hasToString("cpu=250m,memory=64Mi");
        assertThat(app.limits()).hasToString("cpu=1,memory=128Mi");
        assertThat(web.overhead().isEmpty()).isTrue();

        LimitRange limits = (LimitRange) all.get(1);
        assertThat(limits.name()).isEqualTo("limits");
        assertThat(limits.namespace()).isEqualTo("shop");
        assertThat(limits.items()).hasSize(2);
        LimitRange.Item container = limits.items().get(0);
        assertThat(container.type()).isEqualTo("Container");
        assertThat(container.max()).hasToString("cpu=2,memory=1Gi");
        assertThat(container.min()).hasToString("cpu=10m");
        assertThat(container.defaultLimits()).hasToString("cpu=500m,memory=256Mi");
        assertThat(container.defaultRequests()).hasToString("cpu=100m");
        assertThat(container.maxLimitRequestRatio()).hasToString("cpu=4");
        LimitRange.Item podItem = limits.items().get(1);
        assertThat(podItem.type()).isEqualTo("Pod");
        assertThat(podItem.max()).hasToString("memory=2Gi");
        assertThat(podItem.min().isEmpty()).isTrue();
        assertThat(podItem.defaultLimits().isEmpty()).isTrue();

        ResourceQuota quota = (ResourceQuota) all.get(2);
        assertThat(quota.name()).isEqualTo("quota");
        assertThat(quota.namespace()).isEqualTo("default");
        assertThat(quota.hard()).hasToString("limits.memory=8Gi,pods=10,requests.cpu=4");
    }

    @Test
    void readsJsonAndNestedLists() {
        List<Manifest> all = parse("""
                {
                  "apiVersion": "v1",
                  "kind": "List",
                  "metadata": {"resourceVersion": ""},
                  "items": [
                    {"apiVersion": "v1", "kind": "Pod",
                     "metadata": {"name": "a", "namespace": "ns1"},
                     "spec": {"containers": [{"name": "c", "resources": {"requests": {"cpu": 0.5, "memory": 67108864}}}]}},
                    {"apiVersion": "v1", "kind": "List", "items": [
                      {"apiVersion": "v1", "kind": "ResourceQuota", "metadata": {"name": "q"}, "spec": {"hard": {"pods": 4}}},
                      {"kind": "LimitRange", "metadata": {"name": "lr"}, "spec": {"limits": []}}
                    ]},
                    {"apiVersion": "v1", "kind": "List", "items": []}
                  ]
                }
                """);
        assertThat(all).extracting(Manifest::kind).containsExactly("Pod", "ResourceQuota", "LimitRange");
        assertThat(all).extracting(Manifest::name).containsExactly("a", "q", "lr");
        Pod a = (Pod) all.get(0);
        assertThat(a.namespace()).isEqualTo("ns1");
        // JSON numbers are quantities too, read as their decimal digits
        assertThat(a.containers().get(0).requests()).hasToString("cpu=500m,memory=67108864");
        assertThat(a.containers().get(0).requests().memory()).isEqualTo(q("64Mi"));
        assertThat(((ResourceQuota) all.get(1)).hard()).hasToString("pods=4");
        assertThat(((LimitRange) all.get(2)).items()).isEmpty();
    }

    @Test
    void readsAYamlListOfDocuments() {
        List<Manifest> all = parse("""
                apiVersion: v1
                kind: List
                items:
                - apiVersion: v1
                  kind: Pod
                  metadata: {name: one}
                  spec: {containers: [{name: c}]}
                - apiVersion: v1
                  kind: Pod
                  metadata: {name: two}
                  spec: {containers: [{name: c}]}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: three}
                spec: {containers: [{name: c}]}
                """);
        assertThat(all).extracting(Manifest::name).containsExactly("one", "two", "three");
    }

    @Test
    void initContainersWithRestartPolicyAlwaysAreSidecars() {
        Pod p = pod("""
                apiVersion: v1
                kind: Pod
                metadata: {name: mesh}
                spec:
                  initContainers:
                  - name: setup
                    resources: {requests: {cpu: 500m}}
                  - name: proxy
                    restartPolicy: Always
                    resources: {requests: {cpu: 100m, memory: 32Mi}}
                  - name: once-more
                    restartPolicy: Never
                  containers:
                  - name: app
                    restartPolicy: Always
                """);
        assertThat(p.initContainers()).extracting(Container::name).containsExactly("setup", "proxy", "once-more");
        assertThat(p.initContainers()).extracting(Container::kind)
                .containsExactly(Container.Kind.INIT, Container.Kind.SIDECAR, Container.Kind.INIT);
        assertThat(p.containers()).extracting(Container::kind).containsExactly(Container.Kind.REGULAR);
        assertThat(p.allContainers()).extracting(Container::name).containsExactly("setup", "proxy", "once-more", "app");
        assertThat(p.initContainers().get(1).requests()).hasToString("cpu=100m,memory=32Mi");
    }

    /** SetDefaults_Pod: a limit without a request makes the request, in init containers too. */
    @Test
    void aLimitWithoutARequestBecomesTheRequest() {
        Pod p = pod("""
                apiVersion: v1
                kind: Pod
                metadata: {name: guaranteed}
                spec:
                  initContainers:
                  - name: init
                    resources: {limits: {cpu: "1", memory: 1Gi}}
                  containers:
                  - name: all-limits
                    resources: {limits: {cpu: 500m, memory: 256Mi, hugepages-2Mi: 4Mi}}
                  - name: partly
                    resources:
                      requests: {cpu: 100m}
                      limits: {cpu: 200m, memory: 128Mi}
                  - name: requests-only
                    resources: {requests: {memory: 64Mi}}
                  - name: nothing
                """);
        assertThat(p.initContainers().get(0).requests()).hasToString("cpu=1,memory=1Gi");
        assertThat(p.containers().get(0).requests()).hasToString("cpu=500m,hugepages-2Mi=4Mi,memory=256Mi");
        assertThat(p.containers().get(1).requests()).hasToString("cpu=100m,memory=128Mi");
        assertThat(p.containers().get(1).limits()).hasToString("cpu=200m,memory=128Mi");
        assertThat(p.containers().get(2).requests()).hasToString("memory=64Mi");
        assertThat(p.containers().get(2).limits().isEmpty()).isTrue();
        assertThat(p.containers().get(3).requests().isEmpty()).isTrue();
        assertThat(p.containers().get(3).limits().isEmpty()).isTrue();
    }

    /** spec.priority, else the built-in priority classes, else 0. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            priority: 1000                                             | 1000
            priority: -5                                               | -5
            priorityClassName: system-node-critical                    | 2000001000
            priorityClassName: system-cluster-critical                 | 2000000000
            priorityClassName: high-priority                           | 0
            '{priority: 7, priorityClassName: system-node-critical}'   | 7
            '{}'                                                       | 0
            """)
    void priorityComesFromTheSpecOrABuiltInClass(String specLine, int priority) {
        String spec = specLine.startsWith("{") ? specLine.substring(1, specLine.length() - 1) : specLine;
        Pod p = pod("kind: Pod\nmetadata: {name: p}\nspec: {" + spec + (spec.isEmpty() ? "" : ", ")
                + "containers: [{name: c}]}\n");
        assertThat(p.priority()).isEqualTo(priority);
    }

    @Test
    void aMissingUidIsDerivedFromNamespaceAndName() {
        String manifest = "kind: Pod\nmetadata: {name: web, namespace: shop}\nspec: {containers: [{name: c}]}\n";
        Pod first = pod(manifest);
        Pod again = pod(manifest);
        assertThat(first.uid())
                .isEqualTo(UUID.nameUUIDFromBytes("shop/web".getBytes(StandardCharsets.UTF_8)).toString())
                .isEqualTo(again.uid());
        Pod elsewhere = pod(manifest.replace("shop", "other"));
        assertThat(elsewhere.uid()).isNotEqualTo(first.uid());
        Pod defaulted = pod("kind: Pod\nmetadata: {name: web}\nspec: {containers: [{name: c}]}\n");
        assertThat(defaulted.namespace()).isEqualTo("default");
        assertThat(defaulted.uid()).isEqualTo(UUID.nameUUIDFromBytes("default/web".getBytes(StandardCharsets.UTF_8)).toString());
    }

    /** Quantities as YAML numbers or strings, trimmed; a null is zero, as the API's decoder reads it. */
    @ParameterizedTest(name = "cpu: {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1           | 1
            0.5         | 500m
            0.25        | 250m
            2.0         | 2
            '"1"'       | 1
            '"0.1"'     | 100m
            '" 250m "'  | 250m
            '1e3'       | 1k
            '"1e3"'     | 1e3
            '.5'        | 500m
            '+1'        | +1
            '~'         | 0
            ''          | 0
            """)
    void quantitiesMayBeNumbersOrStrings(String yamlValue, String written) {
        Pod p = pod(webPod("requests:\n  cpu: " + yamlValue));
        assertThat(p.containers().get(0).requests().get("cpu")).hasValueSatisfying(
                cpu -> assertThat(cpu.toString()).isEqualTo(written));
    }

    @Test
    void readsOverhead() {
        Pod p = pod("""
                kind: Pod
                metadata: {name: kata}
                spec:
                  runtimeClassName: kata
                  overhead: {cpu: 250m, memory: 120Mi}
                  containers: [{name: c}]
                """);
        assertThat(p.overhead()).hasToString("cpu=250m,memory=120Mi");
    }

    @Test
    void resolvesAnchorsAliasesAndMergeKeys() {
        List<Manifest> all = parse("""
                kind: Pod
                metadata: {name: anchors}
                spec:
                  containers:
                  - name: a
                    resources: &small
                      requests: &requests {cpu: 100m, memory: 64Mi}
                      limits: {cpu: 200m, <<: *requests}
                  - name: b
                    resources: *small
                  - name: c
                    resources:
                      <<: *small
                      limits: {cpu: 1}
                ---
                kind: Pod
                metadata: {name: merged}
                spec:
                  containers:
                  - &base
                    name: x
                    resources: {limits: {cpu: 300m}}
                  - <<: *base
                    name: y
                """);
        Pod anchors = (Pod) all.get(0);
        assertThat(anchors.containers().get(0).limits()).hasToString("cpu=200m,memory=64Mi");
        assertThat(anchors.containers().get(1).requests()).hasToString("cpu=100m,memory=64Mi");
        assertThat(anchors.containers().get(1).limits()).hasToString("cpu=200m,memory=64Mi");
        assertThat(anchors.containers().get(2).requests()).hasToString("cpu=100m,memory=64Mi");
        assertThat(anchors.containers().get(2).limits()).hasToString("cpu=1");
        Pod merged = (Pod) all.get(1);
        assertThat(merged.containers()).extracting(Container::name).containsExactly("x", "y");
        assertThat(merged.containers().get(1).limits()).hasToString("cpu=300m");
        assertThat(merged.containers().get(1).requests()).hasToString("cpu=300m");
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                // kinds and documents
                Arguments.of("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\n",
                        "m.yaml: document 1: unknown kind 'Deployment': " + KINDS),
                Arguments.of("kind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: c}]}\n---\n---\nmetadata: {name: b}\n",
                        "m.yaml: document 3: kind: Required value: " + KINDS),
                Arguments.of("kind: ''\n", "m.yaml: document 1: kind: Required value: " + KINDS),
                Arguments.of("apiVersion: apps/v1\nkind: Pod\nmetadata: {name: a}\n",
                        "m.yaml: document 1: Pod: apiVersion: Unsupported value: \"apps/v1\": supported values: \"v1\""),
                Arguments.of("- kind: Pod\n", "m.yaml: document 1: not a Kubernetes object (a mapping with apiVersion, kind and metadata)"),
                Arguments.of("just a string\n", "m.yaml: document 1: not a Kubernetes object (a mapping with apiVersion, kind and metadata)"),
                Arguments.of("kind: List\nitems:\n- kind: Pod\n  metadata: {name: a}\n  spec: {containers: [{name: c}]}\n- kind: Service\n",
                        "m.yaml: document 1: items[1]: unknown kind 'Service': " + KINDS),
                Arguments.of("kind: List\nitems:\n- kind: List\n  items: [{kind: Secret}]\n",
                        "m.yaml: document 1: items[0]: items[0]: unknown kind 'Secret': " + KINDS),
                Arguments.of("kind: List\nitems: {kind: Pod}\n",
                        "m.yaml: document 1: List: items: Invalid value: {\"kind\":\"Pod\"}: must be a list"),
                // pods
                Arguments.of("kind: Pod\nspec: {containers: [{name: c}]}\n", "m.yaml: Pod: metadata.name: Required value"),
                Arguments.of("kind: Pod\nmetadata: {name: \"\"}\n", "m.yaml: Pod: metadata.name: Required value"),
                Arguments.of("kind: Pod\nmetadata: [web]\n", "m.yaml: Pod: metadata: Invalid value: [\"web\"]: must be a mapping"),
                Arguments.of("kind: Pod\nmetadata: {name: web}\n", "m.yaml: Pod web: spec.containers: Required value"),
                Arguments.of("kind: Pod\nmetadata: {name: web}\nspec: {containers: []}\n", "m.yaml: Pod web: spec.containers: Required value"),
                Arguments.of("kind: Pod\nmetadata: {name: web}\nspec: {containers: {name: c}}\n",
                        "m.yaml: Pod web: spec.containers: Invalid value: {\"name\":\"c\"}: must be a list"),
                Arguments.of("kind: Pod\nmetadata: {name: web}\nspec: {containers: [{image: nginx}]}\n",
                        "m.yaml: Pod web: spec.containers[0].name: Required value"),
                Arguments.of("kind: Pod\nmetadata: {name: web}\nspec: {initContainers: [{image: busybox}], containers: [{name: c}]}\n",
                        "m.yaml: Pod web: spec.initContainers[0].name: Required value"),
                Arguments.of("kind: Pod\nmetadata: {name: web}\nspec: {initContainers: [{name: app}], containers: [{name: c}, {name: app}]}\n",
                        "m.yaml: Pod web: spec.containers[1].name: Duplicate value: \"app\""),
                Arguments.of("kind: Pod\nmetadata: {name: web, namespace: 7}\nspec: {containers: [{name: c}]}\n",
                        "m.yaml: Pod web: metadata.namespace: Invalid value: 7: must be a string"),
                Arguments.of("kind: Pod\nmetadata: {name: web}\nspec: {priority: high, containers: [{name: c}]}\n",
                        "m.yaml: Pod web: spec.priority: Invalid value: \"high\": must be a 32-bit integer"),
                Arguments.of("kind: Pod\nmetadata: {name: web}\nspec: {priority: 3000000000, containers: [{name: c}]}\n",
                        "m.yaml: Pod web: spec.priority: Invalid value: 3000000000: must be a 32-bit integer"),
                // quantities, each naming its field
                Arguments.of(webPod("limits: {cpu: abc}"),
                        "m.yaml: Pod web: spec.containers[0].resources.limits.cpu: invalid quantity 'abc': " + FORMAT_RULE),
                Arguments.of(webPod("requests: {memory: 32MMi}"),
                        "m.yaml: Pod web: spec.containers[0].resources.requests.memory: invalid quantity '32MMi': "
                                + "unable to parse quantity's suffix (use Ki Mi Gi Ti Pi Ei, n u m k M G T P E, or e and an exponent)"),
                Arguments.of(webPod("requests: {cpu: \"1.1.1\"}"),
                        "m.yaml: Pod web: spec.containers[0].resources.requests.cpu: invalid quantity '1.1.1': " + FORMAT_RULE),
                Arguments.of(webPod("requests: {cpu: true}"),
                        "m.yaml: Pod web: spec.containers[0].resources.requests.cpu: Invalid value: true: "
                                + "must be a quantity, a string such as \"500m\" or a number"),
                Arguments.of(webPod("limits: [\"1\"]"),
                        "m.yaml: Pod web: spec.containers[0].resources.limits: Invalid value: [\"1\"]: "
                                + "must be a mapping of resource names to quantities"),
                Arguments.of(webPod("requests: {cpu: -1}"),
                        "m.yaml: Pod web: spec.containers[0].resources.requests.cpu: Invalid value: \"-1\": "
                                + "must be greater than or equal to 0"),
                Arguments.of(webPod("limits: {memory: -64Mi}"),
                        "m.yaml: Pod web: spec.containers[0].resources.limits.memory: Invalid value: \"-64Mi\": "
                                + "must be greater than or equal to 0"),
                Arguments.of(webPod("requests: {cpu: \"2\"}\nlimits: {cpu: \"1\"}"),
                        "m.yaml: Pod web: spec.containers[0].resources.requests.cpu: Invalid value: \"2\": "
                                + "must be less than or equal to cpu limit of 1"),
                Arguments.of("kind: Pod\nmetadata: {name: web}\nspec: {overhead: {cpu: -10m}, containers: [{name: c}]}\n",
                        "m.yaml: Pod web: spec.overhead.cpu: Invalid value: \"-10m\": must be greater than or equal to 0"),
                Arguments.of("kind: Pod\nmetadata: {name: web}\nspec:\n  initContainers: [{name: i, resources: {limits: {cpu: 1x}}}]\n  containers: [{name: c}]\n",
                        "m.yaml: Pod web: spec.initContainers[0].resources.limits.cpu: invalid quantity '1x': " + FORMAT_RULE),
                // LimitRange and ResourceQuota
                Arguments.of("kind: LimitRange\nspec: {limits: []}\n", "m.yaml: LimitRange: metadata.name: Required value"),
                Arguments.of("kind: LimitRange\nmetadata: {name: lr}\nspec: {limits: [{max: {cpu: 1}}]}\n",
                        "m.yaml: LimitRange lr: spec.limits[0].type: Required value"),
                Arguments.of("kind: LimitRange\nmetadata: {name: lr}\nspec: {limits: [{type: Node}]}\n",
                        "m.yaml: LimitRange lr: spec.limits[0].type: Invalid value: \"Node\": must be a standard limit type or fully qualified"),
                Arguments.of("kind: LimitRange\nmetadata: {name: lr}\nspec: {limits: [{type: Container}, {type: Container}]}\n",
                        "m.yaml: LimitRange lr: spec.limits[1].type: Duplicate value: \"Container\""),
                Arguments.of("kind: LimitRange\nmetadata: {name: lr}\nspec: {limits: [{type: Container, default: {memory: lots}}]}\n",
                        "m.yaml: LimitRange lr: spec.limits[0].default.memory: invalid quantity 'lots': " + FORMAT_RULE),
                Arguments.of("kind: LimitRange\nmetadata: {name: lr}\nspec: {limits: [{type: Pod, max: {cpu: -2}}]}\n",
                        "m.yaml: LimitRange lr: spec.limits[0].max.cpu: Invalid value: \"-2\": must be greater than or equal to 0"),
                Arguments.of("kind: ResourceQuota\nmetadata: {namespace: x}\n", "m.yaml: ResourceQuota: metadata.name: Required value"),
                Arguments.of("kind: ResourceQuota\nmetadata: {name: rq}\nspec: {hard: {requests.memory: 1Gi, pods: -1}}\n",
                        "m.yaml: ResourceQuota rq: spec.hard.pods: Invalid value: \"-1\": must be greater than or equal to 0"),
                Arguments.of("kind: ResourceQuota\nmetadata: {name: rq}\nspec: {hard: {limits.cpu: 2 cores}}\n",
                        "m.yaml: ResourceQuota rq: spec.hard.limits.cpu: invalid quantity '2 cores': " + FORMAT_RULE),
                // YAML itself
                Arguments.of("kind: Pod\nmetadata: {name: *nowhere}\n",
                        "m.yaml: not YAML or JSON: alias *nowhere names no mapping or list anchored before it at line 2, column 18"
                                + " (aliases of single values are not resolved: write the value out)"),
                Arguments.of("kind: Pod\nmetadata: {name: &n web, namespace: *n}\n",
                        "m.yaml: not YAML or JSON: alias *n names no mapping or list anchored before it at line 2, column 37"
                                + " (aliases of single values are not resolved: write the value out)"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("refusals")
    void refusesWithOneLineNamingTheField(String text, String message) {
        assertThatThrownBy(() -> parse(text))
                .isInstanceOf(ManifestException.class)
                .hasMessage(message)
                .hasMessageNotContaining("\n");
    }

    @Test
    void aYamlSyntaxErrorIsOneLineWithItsPlace() {
        assertThatThrownBy(() -> parse("kind: Pod\nmetadata: {name: [web\n"))
                .isInstanceOf(ManifestException.class)
                .hasMessageStartingWith("m.yaml: not YAML or JSON at line ")
                .hasMessageContaining("expected ',' or ']'")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> parse("{\"kind\": \"Pod\", \"metadata\": {\"name\": \"web\"}"))
                .isInstanceOf(ManifestException.class)
                .hasMessageStartingWith("m.yaml: not YAML or JSON at line ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void emptyTextHasNoManifests() {
        assertThat(parse("")).isEmpty();
        assertThat(parse("---\n# nothing\n---\n")).isEmpty();
    }

    @Test
    void readsAFileAndNamesItInMessages(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("pod.yaml");
        Files.writeString(file, "\uFEFF" + webPod("limits: {cpu: 500m}"));
        Pod p = (Pod) Manifests.read(file).get(0);
        assertThat(p.containers().get(0).requests()).hasToString("cpu=500m");

        Files.writeString(file, webPod("limits: {cpu: abc}"));
        assertThatThrownBy(() -> Manifests.read(file))
                .hasMessage(file + ": Pod web: spec.containers[0].resources.limits.cpu: invalid quantity 'abc': " + FORMAT_RULE);

        Path missing = dir.resolve("missing.yaml");
        assertThatThrownBy(() -> Manifests.read(missing))
                .isInstanceOf(ManifestException.class)
                .hasMessage(missing + ": no such file");

        Path latin1 = dir.resolve("latin1.yaml");
        Files.write(latin1, "kind: Pod\nmetadata: {name: caf\u00e9}\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> Manifests.read(latin1))
                .isInstanceOf(ManifestException.class)
                .hasMessage(latin1 + ": not UTF-8 text");
    }
}
