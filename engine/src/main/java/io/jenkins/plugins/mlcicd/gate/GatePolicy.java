package io.jenkins.plugins.mlcicd.gate;

import io.jenkins.plugins.mlcicd.result.BuildOutcome;
import io.jenkins.plugins.mlcicd.result.VerdictMapping;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Parsed, validated gate policy (API placeholder: parsing lands in the next commits). */
public record GatePolicy(List<GateRule> rules, BuildOutcome onInconclusive) {
    public GatePolicy {
        rules = List.copyOf(rules);
        onInconclusive = onInconclusive == null ? BuildOutcome.UNSTABLE : onInconclusive;
    }

    public static GatePolicy read(Path file) {
        throw new UnsupportedOperationException("not yet");
    }

    public static GatePolicy parse(String source, String text) {
        throw new UnsupportedOperationException("not yet");
    }

    public static GatePolicy fromRules(String source, List<Map<String, Object>> rules) {
        throw new UnsupportedOperationException("not yet");
    }

    public VerdictMapping verdictMapping(boolean failuresAsUnstable) {
        return new VerdictMapping(failuresAsUnstable, onInconclusive);
    }
}
