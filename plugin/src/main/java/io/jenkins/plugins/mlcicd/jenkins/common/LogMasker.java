package io.jenkins.plugins.mlcicd.jenkins.common;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Masks secrets in the engine's output before it reaches the build log. The output arrives in chunks
 * as the durable task's log grows, and a secret may straddle two chunks: only whole lines are masked
 * and passed on; an unfinished line waits for the next chunk (or {@link #flush}).
 *
 * <p>The engine never prints a secret on purpose; this is the second line of defence for a router
 * script or a server error message that echoes one back.
 */
public final class LogMasker {
    /** Shown instead of a secret, as Jenkins' own masking does. */
    public static final String MASK = "****";
    /** A line longer than this is passed on unfinished, so that a process without newlines cannot hold back the log. */
    static final int MAX_PENDING = 64 * 1024;

    private final List<String> secrets;
    private final StringBuilder pending = new StringBuilder();

    /** @param secrets the values to mask; blank ones are ignored, longer ones are masked first */
    public LogMasker(List<String> secrets) {
        List<String> sorted = new ArrayList<>();
        for (String secret : secrets) {
            if (secret != null && !secret.isBlank()) {
                sorted.add(secret);
            }
        }
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        this.secrets = List.copyOf(sorted);
    }

    /** The masked complete lines of what arrived so far, with their newlines; keeps an unfinished line. */
    public String accept(String chunk) {
        pending.append(chunk);
        int end = pending.lastIndexOf("\n") + 1;
        if (end == 0 && pending.length() <= MAX_PENDING) {
            return "";
        }
        if (end == 0) {
            end = pending.length();
        }
        String lines = pending.substring(0, end);
        pending.delete(0, end);
        return mask(lines);
    }

    /** The masked unfinished line, if any (the process ended). */
    public String flush() {
        String rest = pending.toString();
        pending.setLength(0);
        return mask(rest);
    }

    public String mask(String text) {
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }
}
