package io.jenkins.plugins.mlcicd.gate;

import io.jenkins.plugins.mlcicd.result.Verdict;

/** What a violated bound does: fail the gate, or only make it unstable (a warning). */
public enum Severity {
    FAILURE("failure", Verdict.FAILED),
    UNSTABLE("unstable", Verdict.WARNING);

    private final String word;
    private final Verdict verdict;

    Severity(String word, Verdict verdict) {
        this.word = word;
        this.verdict = verdict;
    }

    /** The word used in policies. */
    public String word() {
        return word;
    }

    /** Verdict of a check whose bound is violated. */
    public Verdict violationVerdict() {
        return verdict;
    }
}
