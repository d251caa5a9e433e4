package io.jenkins.plugins.mlcicd.lineage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * The last lines a process wrote, kept so a failed run's result can show why it failed.
 *
 * <p>Standard output and standard error are two pipes with no common order: a trainer's error
 * written last to stderr may be read before the stdout lines it printed earlier. So up to half of
 * the lines are reserved for the latest stderr lines (where errors go); the rest are the latest
 * lines of either stream; the result is in arrival order. Text arrives in chunks per stream; a line
 * longer than {@link #MAX_LINE_CHARS} is cut there so a process that never prints a newline cannot
 * fill the heap. Thread-safe: one pump thread per stream feeds it.
 */
public final class LogTail {
    public static final int DEFAULT_LINES = 50;
    static final int MAX_LINE_CHARS = 4000;

    /** Stream index for {@link #append}: standard output. */
    public static final int STDOUT = 0;
    /** Stream index for {@link #append}: standard error. */
    public static final int STDERR = 1;

    private record Line(long sequence, int stream, String text) {
    }

    private final int capacity;
    @SuppressWarnings("unchecked")
    private final Deque<Line>[] lines = new Deque[] {new ArrayDeque<Line>(), new ArrayDeque<Line>()};
    private final StringBuilder[] partial = {new StringBuilder(), new StringBuilder()};
    private long sequence;

    public LogTail(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    public synchronized void append(int stream, char[] chars, int offset, int length) {
        StringBuilder line = partial[stream];
        for (int i = offset; i < offset + length; i++) {
            char c = chars[i];
            if (c == '\n') {
                completeLine(stream, line);
            } else if (c != '\r') {
                if (line.length() == MAX_LINE_CHARS) {
                    completeLine(stream, line.append(" …"));
                }
                line.append(c);
            }
        }
    }

    public void append(int stream, String text) {
        append(stream, text.toCharArray(), 0, text.length());
    }

    private void completeLine(int stream, StringBuilder line) {
        Deque<Line> kept = lines[stream];
        kept.addLast(new Line(sequence++, stream, line.toString()));
        line.setLength(0);
        while (kept.size() > capacity) {
            kept.removeFirst();
        }
    }

    /** The kept lines in arrival order, including an unfinished last line of each stream. */
    public synchronized List<String> lines() {
        List<Line> out = new ArrayList<>(lines[STDOUT]);
        List<Line> err = new ArrayList<>(lines[STDERR]);
        long end = sequence;
        if (partial[STDOUT].length() > 0) {
            out.add(new Line(end++, STDOUT, partial[STDOUT].toString()));
        }
        if (partial[STDERR].length() > 0) {
            err.add(new Line(end, STDERR, partial[STDERR].toString()));
        }
        int reservedForErrors = Math.min(err.size(), Math.max(1, capacity / 2));
        List<Line> chosen = new ArrayList<>(err.subList(err.size() - reservedForErrors, err.size()));
        List<Line> rest = new ArrayList<>(out);
        rest.addAll(err.subList(0, err.size() - reservedForErrors));
        rest.sort(Comparator.comparingLong(Line::sequence).reversed());
        for (Line line : rest) {
            if (chosen.size() >= capacity) {
                break;
            }
            chosen.add(line);
        }
        chosen.sort(Comparator.comparingLong(Line::sequence));
        return chosen.stream().map(Line::text).toList();
    }
}
