package io.github.jcg.cli.run;

import io.github.jcg.core.Cgroup;
import io.github.jcg.core.CgroupException;
import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * While a run lasts, SIGINT and SIGTERM sent to jcg go to every process of the group instead
 * of ending the JVM, which must stay to kill what is left, account and remove the group. The
 * JDK sends only SIGTERM and SIGKILL to other processes, so the shell's {@code kill} sends them.
 */
public final class SignalForwarding implements AutoCloseable {
    private static final List<String> SIGNALS = List.of("INT", "TERM");

    private final Cgroup group;
    private final Map<String, SignalHandler> previous = new ConcurrentHashMap<>();
    private final List<String> forwarded = new ArrayList<>();

    private SignalForwarding(Cgroup group) {
        this.group = group;
    }

    /** Starts forwarding to {@code group}'s processes; {@link #close()} puts the JVM's handlers back. */
    public static SignalForwarding to(Cgroup group) {
        SignalForwarding f = new SignalForwarding(group);
        for (String name : SIGNALS) {
            try {
                f.previous.put(name, Signal.handle(new Signal(name), f::forward));
            } catch (IllegalArgumentException e) {
                // the JVM keeps this signal for itself (-Xrs): it ends jcg as it would anyway
            }
        }
        return f;
    }

    /** The signals passed on so far, by name ({@code INT}), in order. */
    public synchronized List<String> forwarded() {
        return List.copyOf(forwarded);
    }

    private void forward(Signal signal) {
        synchronized (this) {
            forwarded.add(signal.getName());
        }
        List<String> words = new ArrayList<>(List.of("/bin/sh", "-c", "kill -" + signal.getName() + " \"$@\" 2>/dev/null", "jcg-run"));
        try {
            group.processes().forEach(pid -> words.add(Long.toString(pid)));
        } catch (CgroupException e) {
            return; // the group is gone: nothing to pass it to
        }
        if (words.size() > 4) {
            try {
                new ProcessBuilder(words).inheritIO().start().waitFor();
            } catch (IOException e) {
                // nothing more to try; the run's own limits still end it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        previous.forEach((name, handler) -> Signal.handle(new Signal(name), handler));
    }
}
