package io.jenkins.plugins.mlcicd.jenkins.gate;

import io.jenkins.plugins.mlcicd.gate.MetricsDocument;

/**
 * What the candidate is compared with.
 *
 * @param metrics         the baseline's metrics, or null when there is none (first build)
 * @param source          how the result document names it ({@code reference build p #12}, a path), or null
 * @param buildId         the reference build's externalizable id, when it came from one
 * @param buildName       the reference build's display name ({@code #12}), when it came from one
 */
record Baseline(MetricsDocument metrics, String source, String buildId, String buildName) {
    static final Baseline NONE = new Baseline(null, null, null, null);

    static Baseline ofFile(MetricsDocument metrics, String path) {
        return new Baseline(metrics, path, null, null);
    }
}
