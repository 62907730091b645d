package io.github.jcg.cli.kube;

import io.github.jcg.kube.LimitRange;
import io.github.jcg.kube.Manifest;
import io.github.jcg.kube.Manifests;
import io.github.jcg.kube.Pod;
import io.github.jcg.kube.ResourceQuota;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the node has admitted: its pods (as admitted, defaults applied), and the LimitRanges and
 * ResourceQuotas that admit the next ones. The kubelet learns these from the API server; jcg keeps
 * them in one file per cgroup root, a {@code kind: List} manifest that {@link Manifests} reads
 * back, so that a later command can count the pods already there (the burstable group's shares,
 * a quota's usage, the eviction order).
 *
 * <p>Commands that change it hold an exclusive lock on a sibling lock file from {@link #open} to
 * {@link #close}, so two {@code jcg kube apply} at once admit one after the other against each
 * other's pods. The file is replaced atomically.
 */
final class NodeState implements AutoCloseable {
    private final Path file;
    /** Present while the cgroup root is one jcg made (the kubelet wants it made; jcg makes it and takes it away). */
    private final Path rootMarker;
    private final FileChannel lockChannel;
    private final FileLock lock;
    final List<Pod> pods = new ArrayList<>();
    final List<LimitRange> limitRanges = new ArrayList<>();
    final List<ResourceQuota> quotas = new ArrayList<>();

    private NodeState(Path file, FileChannel lockChannel, FileLock lock) {
        this.file = file;
        this.rootMarker = file.resolveSibling(file.getFileName().toString().replace(".json", ".root-made"));
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Locks and reads the state of one cgroup root.
     *
     * @param stateDir   where states are kept
     * @param cgroupRoot the kubelet's cgroup root ({@code /}, {@code /test})
     */
    static NodeState open(Path stateDir, String cgroupRoot) {
        String slug = cgroupRoot.equals("/") ? "root" : cgroupRoot.replaceAll("^/+|/+$", "").replace('/', '_');
        Path file = stateDir.resolve(slug + ".json");
        try {
            Files.createDirectories(stateDir);
            FileChannel channel = FileChannel.open(stateDir.resolve(slug + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.lock();
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            NodeState state = new NodeState(file, channel, lock);
            if (Files.exists(file)) {
                for (Manifest m : Manifests.parse(Files.readString(file), file.toString())) {
                    if (m instanceof Pod p) {
                        state.pods.add(p);
                    } else if (m instanceof LimitRange l) {
                        state.limitRanges.add(l);
                    } else if (m instanceof ResourceQuota q) {
                        state.quotas.add(q);
                    }
                }
            }
            return state;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the node's state in " + stateDir + ": " + e.getMessage()
                    + "; choose another with --state-dir", e);
        }
    }

    /** @return the admitted pod of that namespace and name */
    Optional<Pod> pod(String namespace, String name) {
        return pods.stream().filter(p -> p.namespace().equals(namespace) && p.name().equals(name)).findFirst();
    }

    /** Replaces the object of the same kind, namespace and name, or adds it; returns whether it replaced one. */
    boolean put(Manifest m) {
        boolean replaced = remove(m);
        if (m instanceof Pod p) {
            pods.add(p);
        } else if (m instanceof LimitRange l) {
            limitRanges.add(l);
        } else if (m instanceof ResourceQuota q) {
            quotas.add(q);
        }
        return replaced;
    }

    /** Removes the object of the same kind, namespace and name; returns whether there was one. */
    boolean remove(Manifest m) {
        List<? extends Manifest> list = m instanceof Pod ? pods : m instanceof LimitRange ? limitRanges : quotas;
        return list.removeIf(x -> x.namespace().equals(m.namespace()) && x.name().equals(m.name()));
    }

    /** @return whether jcg made the cgroup root (and so removes it when nothing is left) */
    boolean madeRoot() {
        return Files.exists(rootMarker);
    }

    /** Remembers whether jcg made the cgroup root. */
    void madeRoot(boolean made) {
        try {
            if (made) {
                Files.writeString(rootMarker, "");
            } else {
                Files.deleteIfExists(rootMarker);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + rootMarker + ": " + e.getMessage(), e);
        }
    }

    /** @return whether nothing is admitted: no pod, LimitRange or ResourceQuota */
    boolean isEmpty() {
        return pods.isEmpty() && limitRanges.isEmpty() && quotas.isEmpty();
    }

    /** Writes the state back, atomically; an empty state leaves no file. */
    void save() {
        if (isEmpty()) {
            try {
                Files.deleteIfExists(file);
                return;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + file + ": " + e.getMessage(), e);
            }
        }
        List<Manifest> all = new ArrayList<>(limitRanges);
        all.addAll(quotas);
        all.addAll(pods);
        StringWriter text = new StringWriter();
        ManifestJson.writeList(all, text);
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, text.toString(), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the node's state " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            // closing the channel releases the lock whatever happens; nothing to undo
        }
    }
}
