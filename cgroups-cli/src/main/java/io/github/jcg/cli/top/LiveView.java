package io.github.jcg.cli.top;

import io.github.jcg.core.CgroupHost;
import io.github.jcg.core.GroupNotFoundException;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.jline.utils.Curses;
import org.jline.utils.Display;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.NonBlockingReader;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The full-screen live view: alternate screen, raw keys, redrawn on every refresh, on a
 * key and on a resize; the terminal is put back as it was on q, Ctrl-C, SIGTERM and on
 * any failure.
 */
final class LiveView {
    private static final long MESSAGE_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final long HELP_NANOS = TimeUnit.SECONDS.toNanos(4);
    /** Longest wait for a key, so a signal's flag is seen promptly. */
    private static final long POLL_MILLIS = 100;

    private final CgroupHost host;
    private final TopSettings settings;
    private final Terminal terminal;
    private final Attributes saved;
    private final AtomicBoolean restored = new AtomicBoolean();
    private final String hostLine;
    /** What puts the screen back, worked out while the terminal is open: shutdown may close it first. */
    private String restoreSequence = "";
    private volatile boolean quit;
    private volatile boolean resized;
    private Display display;
    private Size size;
    private Source source;
    private Source.Pass previous;
    private Source.Pass current;
    private int iterations;
    private String message;
    /** The limit columns: null shows them when they fit, 'l' makes it a choice. */
    private Boolean limitsChoice;
    private long messageUntil;

    private LiveView(CgroupHost host, TopSettings settings, Terminal terminal) {
        this.host = host;
        this.settings = settings;
        this.terminal = terminal;
        this.saved = terminal.getAttributes();
        this.hostLine = describe(host.layout()) + ", " + Runtime.getRuntime().availableProcessors() + " CPUs";
    }

    /**
     * Runs the live view until q, Ctrl-C or the last iteration; returns the exit status, or
     * null when there is no terminal to draw on (the caller prints lines instead).
     */
    static Integer run(CgroupHost host, TopSettings settings) throws IOException, InterruptedException {
        Terminal terminal;
        try {
            terminal = TerminalBuilder.builder().system(true).dumb(false)
                    // handlers that pass signals to us, not the default that kills the JVM mid-screen
                    .signalHandler(Terminal.SignalHandler.SIG_IGN)
                    .build();
        } catch (Exception | LinkageError e) {
            return null;
        }
        if (Terminal.TYPE_DUMB.equals(terminal.getType()) || Terminal.TYPE_DUMB_COLOR.equals(terminal.getType())) {
            terminal.close();
            return null;
        }
        LiveView view = new LiveView(host, settings, terminal);
        Thread restoreOnExit = new Thread(view::restore, "jcg-top-restore");
        Runtime.getRuntime().addShutdownHook(restoreOnExit);
        try {
            view.start();
            view.loop();
            return 0;
        } finally {
            view.restore();
            try {
                Runtime.getRuntime().removeShutdownHook(restoreOnExit);
            } catch (IllegalStateException e) {
                // already shutting down: the hook is running or has run
            }
        }
    }

    private void start() {
        terminal.handle(Terminal.Signal.INT, s -> quit = true);
        terminal.handle(Terminal.Signal.QUIT, s -> quit = true);
        terminal.handle(Terminal.Signal.WINCH, s -> resized = true);
        restoreSequence = sequence(Capability.cursor_visible) + sequence(Capability.keypad_local)
                + sequence(Capability.exit_ca_mode);
        terminal.enterRawMode();
        terminal.puts(Capability.enter_ca_mode);
        terminal.puts(Capability.keypad_xmit);
        terminal.puts(Capability.cursor_invisible);
        terminal.flush();
        display = new Display(terminal, true);
        size = terminal.getSize();
        display.resize(size.getRows(), size.getColumns());
        newSampler();
    }

    private void newSampler() {
        // the live view reads the limits always, so 'l' shows them without waiting a refresh
        source = Source.forSettings(host.layout(), settings, true);
    }

    private void loop() throws IOException {
        NonBlockingReader keys = terminal.reader();
        refresh();
        if (current.groupCount() == 0) {
            throw new GroupNotFoundException(settings.root.toString(), "any hierarchy jcg top reads");
        }
        long lastRefresh = System.nanoTime();
        draw();
        while (!quit) {
            if (settings.iterations > 0 && iterations >= settings.iterations) {
                return;
            }
            long now = System.nanoTime();
            long due = lastRefresh + TimeUnit.MICROSECONDS.toNanos(settings.delayMicros);
            if (now >= due) {
                refresh();
                lastRefresh = now;
                draw();
                continue;
            }
            int key = keys.read(Math.max(1, Math.min(POLL_MILLIS, TimeUnit.NANOSECONDS.toMillis(due - now))));
            if (resized) {
                resized = false;
                size = terminal.getSize();
                display.clear();
                display.resize(size.getRows(), size.getColumns());
                draw();
            }
            if (key == NonBlockingReader.READ_EXPIRED) {
                if (message != null && System.nanoTime() > messageUntil) {
                    message = null;
                    draw();
                }
                continue;
            }
            if (key == NonBlockingReader.EOF) {
                return;
            }
            if (key(key)) {
                refresh();
                lastRefresh = System.nanoTime();
            }
            draw();
        }
    }

    private void refresh() {
        previous = current;
        current = source.sample();
        iterations++;
    }

    /** Acts on a key; true when it asks for a refresh now. */
    private boolean key(int key) {
        Order order = Order.ofKey(key);
        if (order != null) {
            settings.order = order;
            return false;
        }
        switch (key) {
            case 'q', 3 -> quit = true;
            case ' ' -> {
                return true;
            }
            case '%' -> settings.cpu = settings.cpu.toggled();
            case '+' -> {
                settings.increaseDelay();
                say("Increased delay to " + Units.timespan(settings.delayMicros) + ".");
            }
            case '-' -> {
                settings.decreaseDelay();
                say("Decreased delay to " + Units.timespan(settings.delayMicros) + ".");
            }
            case 'l' -> limitsChoice = !settings.limits;
            case 'o', 's' -> {
                if (key == 'o') {
                    settings.oomKills = !settings.oomKills;
                } else {
                    settings.pressure = !settings.pressure;
                }
                // the sampler reads the files of the columns shown only: a new one for the new set
                newSampler();
                return true;
            }
            case 'k', 'P' -> {
                TaskCounting wanted = key == 'k' ? TaskCounting.ALL_PROCESSES : TaskCounting.USERSPACE_PROCESSES;
                settings.counting = settings.counting != wanted ? wanted : TaskCounting.TASKS;
                say("Counting: " + settings.counting.description() + ".");
                newSampler();
                previous = null;
                return true;
            }
            case 'r' -> {
                if (!settings.counting.countsProcesses()) {
                    say("Cannot toggle recursive counting, not available in task counting mode.");
                } else {
                    settings.recursive = !settings.recursive;
                    say("Recursive process counting: " + (settings.recursive ? "yes" : "no"));
                }
            }
            case 'h', '?' -> {
                message = "p t c m i: sort by path, tasks, CPU, memory, IO   %: CPU time/percent   + -: interval   "
                        + "space: refresh   l: limit columns   o: OOM kills   s: pressure   P k: count processes   r: recursive   q: quit";
                messageUntil = System.nanoTime() + HELP_NANOS;
            }
            default -> say(key < ' ' ? String.format("Unknown key '\\x%x'. Ignoring.", key) : "Unknown key '" + (char) key + "'. Ignoring.");
        }
        return false;
    }

    private void say(String text) {
        message = text;
        messageUntil = System.nanoTime() + MESSAGE_NANOS;
    }

    private void draw() {
        List<GroupRow> rows = RowOrder.sort(source.rows(previous, current, settings.counting, settings.recursive),
                settings.order, settings.cpu, settings.parentsFirst());
        int columns = Math.max(20, size.getColumns());
        int height = Math.max(5, size.getRows());
        settings.limits = limitsChoice != null ? limitsChoice
                : columns - Columns.FIXED_WIDTH - 6 - Columns.LIMITS_WIDTH
                        - Columns.eventsWidth(settings.oomKills, settings.pressure) >= 30;
        Screen.Frame frame = Screen.render(rows, settings, hostLine, message, columns, height);
        List<AttributedString> lines = new ArrayList<>(frame.lines().size());
        for (int i = 0; i < frame.lines().size(); i++) {
            String text = frame.lines().get(i);
            if (i == 0) {
                lines.add(new AttributedString(text, AttributedStyle.BOLD));
            } else if (i == 2) {
                lines.add(columnHeader(text, frame, columns));
            } else {
                lines.add(new AttributedString(text));
            }
        }
        display.update(lines, -1);
        terminal.flush();
    }

    private static AttributedString columnHeader(String text, Screen.Frame frame, int columns) {
        String padded = text.length() < columns ? text + " ".repeat(columns - text.length()) : text;
        int start = Math.min(frame.sortColumnStart(), padded.length());
        int end = Math.min(frame.sortColumnEnd(), padded.length());
        AttributedStringBuilder b = new AttributedStringBuilder();
        b.style(AttributedStyle.INVERSE).append(padded, 0, start);
        b.style(AttributedStyle.INVERSE.bold().underline()).append(padded, start, end);
        b.style(AttributedStyle.INVERSE).append(padded, end, padded.length());
        return b.toAttributedString();
    }

    private String sequence(Capability capability) {
        String s = terminal.getStringCapability(capability);
        if (s == null) {
            return "";
        }
        StringWriter out = new StringWriter();
        Curses.tputs(out, s);
        return out.toString();
    }

    /**
     * Puts the terminal back: normal screen, cursor, keypad, line discipline. Safe to call
     * twice, and from the shutdown hook of a SIGTERM, where JLine's own hook may already have
     * closed the terminal object: the screen sequences then go straight to standard output.
     */
    private void restore() {
        if (!restored.compareAndSet(false, true)) {
            return;
        }
        try {
            terminal.writer().flush();
        } catch (Exception e) {
            // closed already
        }
        try {
            @SuppressWarnings("resource") // standard output stays open for whoever prints after us
            FileOutputStream stdout = new FileOutputStream(FileDescriptor.out);
            stdout.write(restoreSequence.getBytes(StandardCharsets.UTF_8));
            stdout.flush();
        } catch (IOException e) {
            // no screen to put back
        }
        try {
            terminal.setAttributes(saved);
            terminal.close();
        } catch (Exception e) {
            // the terminal is gone; JLine's own shutdown hook restores the line discipline
        }
    }

    /** For the header: how this host arranges its hierarchies, in words. */
    static String describe(io.github.jcg.core.HostLayout layout) {
        return switch (layout.mode()) {
            case LEGACY -> "cgroup v1";
            case HYBRID -> "hybrid (v1 + v2)";
            case UNIFIED -> "cgroup v2";
        };
    }
}
