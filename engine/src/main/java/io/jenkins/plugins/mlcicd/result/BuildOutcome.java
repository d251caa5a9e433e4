package io.jenkins.plugins.mlcicd.result;

/** What a verdict does to a CI build, independent of Jenkins' own {@code Result} type. */
public enum BuildOutcome {
    SUCCESS,
    UNSTABLE,
    FAILURE
}
