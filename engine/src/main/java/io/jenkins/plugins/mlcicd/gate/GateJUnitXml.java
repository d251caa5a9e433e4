package io.jenkins.plugins.mlcicd.gate;

import io.jenkins.plugins.mlcicd.result.ResultDocument;

/** JUnit XML for a gate result (API placeholder). */
public final class GateJUnitXml {
    private GateJUnitXml() {
    }

    public static String render(ResultDocument gateResult, String suiteName) {
        throw new UnsupportedOperationException("not yet");
    }
}
