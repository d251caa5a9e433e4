package io.jenkins.plugins.mlcicd.jenkins.train;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The last lines of the training command's output, kept by the durable execution for the lineage's
 * {@code logTail} (serialized with it: a restart keeps what was seen). Text arrives in whole lines
 * ({@code DurableScript.copyLog}), the last one possibly unfinished at the command's end.
 */
final class LineTail implements Serializable {
    private static final long serialVersionUID = 1L;
    /** A longer line is cut: the tail is a hint for the reader, not a copy of the log. */
    static final int MAX_LINE = 2000;

    private final int capacity;
    private final ArrayList<String> lines = new ArrayList<>();

    LineTail(int capacity) {
        this.capacity = capacity;
    }

    synchronized void accept(String text) {
        if (text.isEmpty()) {
            return;
        }
        for (String line : text.split("\r?\n", -1)) {
            lines.add(line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + "…" : line);
        }
        // the split leaves an empty string after the final newline
        if (text.endsWith("\n")) {
            lines.remove(lines.size() - 1);
        }
        while (lines.size() > capacity) {
            lines.remove(0);
        }
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }
}
