package io.jenkins.plugins.mlcicd.canary;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.input.Json;
import io.jenkins.plugins.mlcicd.input.StructuredFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The controller's durable state, serialised to JSON after every transition and analysis so that a
 * new process resumes where the old one stopped. Mutable on purpose: one controller owns it (the
 * state file's lock makes sure of that) and rewrites it in place between writes.
 */
public final class RolloutState {
    public static final int FORMAT = 1;

    public int format = FORMAT;
    /** SHA-256 of the plan it runs; a state file is never resumed with another plan. */
    public String planDigest;
    public Phase phase = Phase.READY;
    /** Index of the current (or last) stage; -1 before the first. */
    public int stage = -1;
    /** The canary's weight as last commanded (the worst case when a router call's effect is unknown). */
    public int weight;
    public String startedAt;
    public String finishedAt;
    /** Time of the current stage covered by analyses; what counts on resume. */
    public long stageObservedMs;
    public int consecutiveFailures;
    public int consecutiveUnreachable;
    /** Outcome of the latest analysis of the current stage, or null before the first. */
    public String lastOutcome;
    /** Why the rollout is rolling back, rolled back, aborted. */
    public String reason;
    /** The phase a started rollback ends in when it succeeds: rolled-back or aborted. */
    public Phase rollbackEndsIn;
    public List<Transition> transitions = new ArrayList<>();
    public List<Analysis> analyses = new ArrayList<>();
    /** The current stage's values per check name and variant, for the Mann–Whitney judge. */
    public Map<String, Samples> samples = new LinkedHashMap<>();

    /** The values of one check during one stage. */
    public static final class Samples {
        public List<Double> canary = new ArrayList<>();
        public List<Double> baseline = new ArrayList<>();
    }

    public String toJson() {
        try {
            return Json.mapper().writeValueAsString(this) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the rollout state", e);
        }
    }

    public static RolloutState read(Path file) {
        RolloutState state = parse(file.toString(), StructuredFiles.readText(file));
        if (state.format != FORMAT) {
            throw new BadInputException(file + ": state format " + state.format + " is not " + FORMAT);
        }
        return state;
    }

    public static RolloutState parse(String source, String json) {
        return StructuredFiles.parse(source.endsWith(".json") ? source : source + ".json", json, RolloutState.class);
    }
}
