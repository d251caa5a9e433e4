package io.jenkins.plugins.mlcicd.eval;

import java.util.Locale;

/** What the score column means: a probability of the positive class, or a numeric prediction. */
public enum Task {
    BINARY,
    REGRESSION;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
