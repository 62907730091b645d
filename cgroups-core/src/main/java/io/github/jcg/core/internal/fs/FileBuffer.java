package io.github.jcg.core.internal.fs;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * A reusable buffer that holds one control file at a time, and scanners that pull numbers
 * out of it without creating strings. This is the hot path of sampling: one open and read
 * per file, no per-line allocation. Not thread-safe: one per sampler.
 *
 * <p>Scanner methods return {@link #ABSENT} when the key or number is not there; that value
 * never leaves the sampler's readers (the public snapshot has a presence mask instead).
 */
public final class FileBuffer {
    /** Returned by scanners when the file, key or number is missing. */
    public static final long ABSENT = Long.MIN_VALUE;
    /** Returned by {@link #firstLong()} when the file holds {@code max}. */
    public static final long MAX = Long.MAX_VALUE;

    private byte[] bytes = new byte[8192];
    private int length;

    /**
     * Loads a file. Returns false when it does not exist or cannot be read (the group
     * vanished, the controller is not enabled); the buffer is then empty.
     */
    public boolean load(String path) {
        return load(new File(path));
    }

    /** As {@link #load(String)}, for a caller that keeps the {@link File} between reads. */
    public boolean load(File file) {
        length = 0;
        try (FileInputStream in = new FileInputStream(file)) {
            while (true) {
                int n = in.read(bytes, length, bytes.length - length);
                if (n < 0) {
                    return true;
                }
                length += n;
                if (length == bytes.length) {
                    bytes = Arrays.copyOf(bytes, bytes.length * 2);
                }
            }
        } catch (IOException e) {
            length = 0;
            return false;
        }
    }

    /** For tests and callers that already hold the text. */
    public void set(byte[] content) {
        if (content.length > bytes.length) {
            bytes = new byte[content.length];
        }
        System.arraycopy(content, 0, bytes, 0, content.length);
        length = content.length;
    }

    public int length() {
        return length;
    }

    /** The first token as a number: {@link #MAX} for {@code max}, {@link #ABSENT} if not a number. */
    public long firstLong() {
        int i = skipSpaces(0);
        if (i + 3 <= length && bytes[i] == 'm' && bytes[i + 1] == 'a' && bytes[i + 2] == 'x') {
            return MAX;
        }
        return parseLong(i);
    }

    /** The second whitespace-separated token as a number ({@code cpu.max}'s period). */
    public long secondLong() {
        int i = skipSpaces(0);
        while (i < length && !isSpace(bytes[i])) {
            i++;
        }
        return parseLong(skipSpaces(i));
    }

    /** The number after {@code key } at the start of a line (flat keyed files); {@link #ABSENT} if none. */
    public long keyed(byte[] key) {
        int lineStart = 0;
        while (lineStart < length) {
            if (startsWith(lineStart, key) && lineStart + key.length < length && bytes[lineStart + key.length] == ' ') {
                return parseLong(lineStart + key.length + 1);
            }
            lineStart = nextLine(lineStart);
        }
        return ABSENT;
    }

    /**
     * Sums {@code key=N} over all lines (nested keyed {@code io.stat}); {@link #ABSENT} when
     * no line has the key. {@code key} includes the {@code =}.
     */
    public long sumNested(byte[] key) {
        long sum = 0;
        boolean found = false;
        for (int i = 0; i + key.length <= length; i++) {
            if ((i == 0 || isSpace(bytes[i - 1])) && startsWith(i, key)) {
                long v = parseLong(i + key.length);
                if (v != ABSENT) {
                    sum += v;
                    found = true;
                }
                i += key.length;
            }
        }
        return found ? sum : ABSENT;
    }

    /**
     * The value of {@code sub=N} on the line whose first token is {@code lineKey}
     * (pressure files: line {@code some}, sub-key {@code total=}).
     */
    public long nested(byte[] lineKey, byte[] subKey) {
        int at = nestedValueAt(lineKey, subKey);
        return at < 0 ? ABSENT : parseLong(at);
    }

    /** Where the value of {@code subKey=} on the line that starts with {@code lineKey} begins; -1 when absent. */
    private int nestedValueAt(byte[] lineKey, byte[] subKey) {
        int lineStart = 0;
        while (lineStart < length) {
            int end = nextLine(lineStart);
            if (startsWith(lineStart, lineKey) && lineStart + lineKey.length < length && bytes[lineStart + lineKey.length] == ' ') {
                for (int i = lineStart + lineKey.length; i + subKey.length <= end; i++) {
                    if (isSpace(bytes[i - 1]) && startsWith(i, subKey)) {
                        return i + subKey.length;
                    }
                }
                return -1;
            }
            lineStart = end;
        }
        return -1;
    }

    /**
     * As {@link #nested}, for a value with two decimals (pressure files' {@code avg10=12.34}),
     * in hundredths: 12.34 is 1234. The kernel prints exactly two decimals; fewer are padded
     * (12.3 is 1230) and more are cut, so a different printer cannot scale the value.
     */
    public long nestedHundredths(byte[] lineKey, byte[] subKey) {
        int at = nestedValueAt(lineKey, subKey);
        return at < 0 ? ABSENT : parseHundredths(at);
    }

    /** Whether the file's first token is {@code word} ({@code freezer.state}'s {@code FROZEN}). */
    public boolean firstTokenIs(byte[] word) {
        int i = skipSpaces(0);
        int after = i + word.length;
        return startsWith(i, word) && (after == length || isSpace(bytes[after]));
    }

    /**
     * Sums v1 blkio lines {@code MAJ:MIN <op> N} whose operation is {@code op}
     * ({@code Read}, {@code Write}); the grand {@code Total} line has no device and is skipped.
     */
    public long sumBlkio(byte[] op) {
        long sum = 0;
        boolean found = false;
        int lineStart = 0;
        while (lineStart < length) {
            int end = nextLine(lineStart);
            int space = indexOf(' ', lineStart, end);
            if (space > 0 && startsWith(space + 1, op) && space + 1 + op.length < end && bytes[space + 1 + op.length] == ' ') {
                long v = parseLong(space + 2 + op.length);
                if (v != ABSENT) {
                    sum += v;
                    found = true;
                }
            }
            lineStart = end;
        }
        return found ? sum : ABSENT;
    }

    /** Number of non-empty lines ({@code cgroup.procs}: one id a line). */
    public int countLines() {
        int count = 0;
        boolean inLine = false;
        for (int i = 0; i < length; i++) {
            if (bytes[i] == '\n') {
                if (inLine) {
                    count++;
                }
                inLine = false;
            } else {
                inLine = true;
            }
        }
        return inLine ? count + 1 : count;
    }

    private long parseLong(int from) {
        int i = from;
        boolean negative = false;
        if (i < length && bytes[i] == '-') {
            negative = true;
            i++;
        }
        int start = i;
        long value = 0;
        while (i < length && bytes[i] >= '0' && bytes[i] <= '9') {
            int digit = bytes[i] - '0';
            if (value > (Long.MAX_VALUE - digit) / 10) {
                return ABSENT; // overflow: not a number we can use
            }
            value = value * 10 + digit;
            i++;
        }
        if (i == start) {
            return ABSENT;
        }
        return negative ? -value : value;
    }

    /** {@code N} or {@code N.D} or {@code N.DD…} from {@code from}, in hundredths; {@link #ABSENT} if no number starts there. */
    private long parseHundredths(int from) {
        long whole = parseLong(from);
        if (whole == ABSENT || whole < 0 || whole > Long.MAX_VALUE / 100) {
            return ABSENT;
        }
        int i = from;
        while (i < length && bytes[i] >= '0' && bytes[i] <= '9') {
            i++;
        }
        long fraction = 0;
        if (i < length && bytes[i] == '.') {
            i++;
            for (int digit = 0; digit < 2; digit++) {
                fraction *= 10;
                if (i < length && bytes[i] >= '0' && bytes[i] <= '9') {
                    fraction += bytes[i] - '0';
                    i++;
                }
            }
        }
        return whole * 100 + fraction;
    }

    private boolean startsWith(int at, byte[] key) {
        if (at + key.length > length) {
            return false;
        }
        for (int k = 0; k < key.length; k++) {
            if (bytes[at + k] != key[k]) {
                return false;
            }
        }
        return true;
    }

    private int nextLine(int from) {
        int i = indexOf('\n', from, length);
        return i < 0 ? length : i + 1;
    }

    private int indexOf(char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private int skipSpaces(int from) {
        int i = from;
        while (i < length && isSpace(bytes[i])) {
            i++;
        }
        return i;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n';
    }
}
