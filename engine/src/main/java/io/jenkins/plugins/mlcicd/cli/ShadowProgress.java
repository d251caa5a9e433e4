package io.jenkins.plugins.mlcicd.cli;

import io.jenkins.plugins.mlcicd.shadow.ModelStats;
import io.jenkins.plugins.mlcicd.shadow.Shadow;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * Progress of a shadow run on stderr: a line rewritten in place at most twice a second on a
 * terminal (done, rate, errors per model, ETA); nothing while running when piped, where the
 * command's one summary line is all a log needs.
 */
final class ShadowProgress implements Shadow.Listener {
    private final PrintWriter err;
    private final boolean terminal;
    private final ModelStats baseline;
    private final ModelStats candidate;
    private final Long maxRequests;
    private final Duration duration;
    private long lastPrint;
    private boolean printed;

    ShadowProgress(PrintWriter err, boolean terminal, ModelStats baseline, ModelStats candidate, Long maxRequests,
            Duration duration) {
        this.err = err;
        this.terminal = terminal;
        this.baseline = baseline;
        this.candidate = candidate;
        this.maxRequests = maxRequests;
        this.duration = duration;
    }

    @Override
    public synchronized void update(long sent, long elapsedNanos) {
        if (!terminal) {
            return;
        }
        long now = System.nanoTime();
        if (printed && now - lastPrint < 500_000_000L) {
            return;
        }
        lastPrint = now;
        printed = true;
        double seconds = elapsedNanos / 1e9;
        long done = Math.min(baseline.answers(), candidate.answers());
        double rate = seconds > 0 ? done / seconds : 0;
        String eta = "";
        double remaining = Double.POSITIVE_INFINITY;
        if (maxRequests != null && rate > 0) {
            remaining = (maxRequests - done) / rate;
        }
        if (duration != null) {
            remaining = Math.min(remaining, duration.toNanos() / 1e9 - seconds);
        }
        if (Double.isFinite(remaining)) {
            eta = " ETA " + clock((long) Math.max(0, remaining));
        }
        err.print(String.format(Locale.ROOT, "\r%d requests  %.0f/s  errors: baseline %d, candidate %d  %s%s   ",
                done, rate, baseline.errors(), candidate.errors(), clock((long) seconds), eta));
        err.flush();
    }

    @Override
    public synchronized void matched(long matched) {
        if (terminal) {
            err.print("\rmatched keys so far: " + matched + "   ");
            err.flush();
            printed = true;
        }
    }

    /** Ends the progress line so that the summary starts on its own. */
    synchronized void end() {
        if (terminal && printed) {
            err.println();
            err.flush();
        }
    }

    private static String clock(long seconds) {
        return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
