package io.github.jcg.it.support;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code jcg info -o json}, read back. */
public record InfoJson(Map<String, Object> root) {
    public static InfoJson of(Result r) {
        r.requireOk();
        if (!r.err().isEmpty()) {
            throw new AssertionError("jcg info wrote to stderr: " + r);
        }
        return new InfoJson(Json.object(r.out()));
    }

    public String mode() {
        return (String) root.get("mode");
    }

    public List<Map<String, Object>> hierarchies() {
        return Json.objects(root.get("hierarchies"));
    }

    public List<Map<String, Object>> controllers() {
        return Json.objects(root.get("controllers"));
    }

    /** The hierarchy that holds a v1 controller. */
    public Map<String, Object> v1(String controller) {
        return hierarchies().stream().filter(h -> "v1".equals(h.get("version"))
                && Json.asList(h.get("controllers")).contains(controller)).findFirst()
                .orElseThrow(() -> new AssertionError("no v1 hierarchy with " + controller + " in " + root));
    }

    public Optional<Map<String, Object>> v2() {
        return hierarchies().stream().filter(h -> "v2".equals(h.get("version"))).findFirst();
    }

    public List<String> mountPoints() {
        return hierarchies().stream().map(h -> (String) h.get("mountPoint")).toList();
    }
}
