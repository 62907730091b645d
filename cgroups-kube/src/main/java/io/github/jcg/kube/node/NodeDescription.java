package io.github.jcg.kube.node;

import io.github.jcg.kube.Quantity;
import io.github.jcg.kube.ResourceList;
import java.util.Map;

/**
 * The Capacity and Allocatable blocks of {@code kubectl describe node}, character for character.
 *
 * <p>kubectl ({@code staging/src/k8s.io/kubectl/pkg/describe/describe.go}) writes each resource
 * as {@code "  <name>:\t<quantity>"}, sorted by name, through a {@code text/tabwriter} set to
 * minimum width 0, padding 2, space padding. A tabwriter aligns a column over a run of
 * consecutive lines that have a cell in it; the {@code Capacity:} and {@code Allocatable:}
 * headers have none, so each block is aligned on its own: every name cell is as wide as the
 * block's longest one plus two spaces. Quantities are in canonical form ({@code 2},
 * {@code 1900m}, {@code 16303428Ki}, {@code 0}).
 */
public final class NodeDescription {

    private static final int PADDING = 2;
    private static final String INDENT = "  ";

    private NodeDescription() {
    }

    /**
     * @param node a node
     * @return its {@code Capacity:} and {@code Allocatable:} blocks as kubectl prints them, each
     *         line ending in a newline; a block is left out when its list is empty, as kubectl
     *         does
     */
    public static String describe(Node node) {
        StringBuilder out = new StringBuilder();
        block(out, "Capacity:", node.capacity());
        block(out, "Allocatable:", node.allocatable());
        return out.toString();
    }

    private static void block(StringBuilder out, String header, ResourceList resources) {
        if (resources.isEmpty()) {
            return;
        }
        out.append(header).append('\n');
        int width = 0;
        for (String name : resources.entries().keySet()) {
            width = Math.max(width, cell(name).length());
        }
        for (Map.Entry<String, Quantity> e : resources.entries().entrySet()) {
            String cell = cell(e.getKey());
            out.append(cell).append(" ".repeat(width + PADDING - cell.length()))
                    .append(e.getValue()).append('\n');
        }
    }

    private static String cell(String name) {
        return INDENT + name + ":";
    }
}
