package io.jenkins.plugins.mlcicd.lineage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The last lines a process wrote, kept so a failed run's result can show why it failed.
 * Text arrives in chunks per stream (stdout and stderr interleave only at line boundaries);
 * a line longer than {@link #MAX_LINE_CHARS} is cut there so a process that never prints a
 * newline cannot fill the heap. Thread-safe: one pump thread per stream feeds it.
 */
public final class LogTail {
    public static final int DEFAULT_LINES = 50;
    static final int MAX_LINE_CHARS = 4000;

    private final int capacity;
    private final Deque<String> lines = new ArrayDeque<>();
    private final StringBuilder[] partial = {new StringBuilder(), new StringBuilder()};

    public LogTail(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    /** Stream index for {@link #append}: standard output. */
    public static final int STDOUT = 0;
    /** Stream index for {@link #append}: standard error. */
    public static final int STDERR = 1;

    public synchronized void append(int stream, char[] chars, int offset, int length) {
        StringBuilder line = partial[stream];
        for (int i = offset; i < offset + length; i++) {
            char c = chars[i];
            if (c == '\n') {
                completeLine(line);
            } else if (c != '\r') {
                if (line.length() == MAX_LINE_CHARS) {
                    completeLine(line.append(" …"));
                }
                line.append(c);
            }
        }
    }

    public void append(int stream, String text) {
        append(stream, text.toCharArray(), 0, text.length());
    }

    private void completeLine(StringBuilder line) {
        lines.addLast(line.toString());
        line.setLength(0);
        while (lines.size() > capacity) {
            lines.removeFirst();
        }
    }

    /** The last lines, oldest first, including an unfinished last line of each stream. */
    public synchronized List<String> lines() {
        List<String> result = new ArrayList<>(lines);
        for (StringBuilder line : partial) {
            if (line.length() > 0) {
                result.add(line.toString());
            }
        }
        return result.size() <= capacity ? result : result.subList(result.size() - capacity, result.size());
    }
}
