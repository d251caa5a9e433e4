package io.jenkins.plugins.mlcicd.gate;

import io.jenkins.plugins.mlcicd.result.Verdict;

/**
 * What a check becomes when the candidate lacks the metric (absent, null or NaN) or a named
 * slice. {@link #IGNORE} is an explicit choice of the policy author; the check still appears,
 * marked "ignored: missing", so a missing number is never a silent pass.
 */
public enum OnMissing {
    FAIL("fail", Verdict.FAILED),
    UNSTABLE("unstable", Verdict.WARNING),
    INCONCLUSIVE("inconclusive", Verdict.INCONCLUSIVE),
    IGNORE("ignore", Verdict.PASSED);

    private final String word;
    private final Verdict verdict;

    OnMissing(String word, Verdict verdict) {
        this.word = word;
        this.verdict = verdict;
    }

    /** The word used in policies. */
    public String word() {
        return word;
    }

    public Verdict verdict() {
        return verdict;
    }
}
