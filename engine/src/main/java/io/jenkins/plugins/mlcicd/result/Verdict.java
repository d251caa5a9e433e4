package io.jenkins.plugins.mlcicd.result;

import java.util.Collection;

/**
 * Outcome of a check or of a whole step. Ordered from best to worst so that the verdict of a
 * step is the worst of its checks; {@link #INCONCLUSIVE} ranks between a warning and a failure
 * because a missing number must never read as a pass, yet is not proof of a regression.
 */
public enum Verdict {
    PASSED(0),
    WARNING(3),
    INCONCLUSIVE(4),
    FAILED(1);

    private final int exitCode;

    Verdict(int exitCode) {
        this.exitCode = exitCode;
    }

    /** Process exit code of the {@code mlcicd} CLI for this verdict (DESIGN.md §3). */
    public int exitCode() {
        return exitCode;
    }

    public boolean isWorseThan(Verdict other) {
        return compareTo(other) > 0;
    }

    public static Verdict worst(Verdict a, Verdict b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** The worst of the given verdicts; an empty collection is {@link #INCONCLUSIVE}, never a pass. */
    public static Verdict worstOf(Collection<Verdict> verdicts) {
        return verdicts.stream().reduce(Verdict::worst).orElse(INCONCLUSIVE);
    }
}
