package io.jenkins.plugins.mlcicd.jenkins.canary;

import io.jenkins.plugins.mlcicd.jenkins.common.Fact;
import io.jenkins.plugins.mlcicd.jenkins.common.MlResultAction;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.ResultKind;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code mlCanary} on the build page, live while the rollout runs: the step refreshes it from the
 * engine's progress document after every analysis ({@link #update}), and the page renders the stored
 * document with the engine's canary renderer (stages, weights over time, each analysis's guardrail
 * values against their bounds, the decision and its reason). build.xml keeps the summary only.
 */
public final class CanaryAction extends MlResultAction {
    private final String plan;
    private final String model;
    private final String version;
    private volatile CanaryStatus status;
    private volatile boolean running;
    private volatile String registryNote;

    CanaryAction(String id, ResultDocument document, CanaryRequest request, boolean running) {
        super(id, document);
        this.plan = request.describePlan();
        this.model = request.model();
        this.version = request.version();
        this.status = CanaryStatus.of(document);
        this.running = running;
    }

    /** A newer document (already written to the build directory); {@code running} false once the step ends. */
    void update(ResultDocument document, boolean stillRunning) {
        refresh(document);
        this.status = CanaryStatus.of(document);
        this.running = stillRunning;
    }

    void registryNote(String note) {
        this.registryNote = note;
    }

    @Override
    public ResultKind kind() {
        return ResultKind.CANARY;
    }

    @Override
    protected String title() {
        return "ML canary";
    }

    public CanaryStatus getStatus() {
        return status;
    }

    public boolean isRunning() {
        return running;
    }

    public String getPhase() {
        return status.phase();
    }

    /** The phase for the page: {@code unknown} until the engine reported one. */
    public String getPhaseText() {
        return status.phase() == null ? "unknown" : status.phase();
    }

    public String getStage() {
        return status.stage();
    }

    public String getWeight() {
        return status.weight();
    }

    public String getDecision() {
        return status.decision();
    }

    public String getReason() {
        return status.reason();
    }

    public String getRegistryNote() {
        return registryNote;
    }

    @Override
    public List<Fact> getFacts() {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Plan", plan, null));
        facts.add(new Fact("Rollout", (running ? "running: " : "") + status.describe(), null));
        if (model != null) {
            facts.add(new Fact("Model", model + " version " + version, null));
        }
        if (registryNote != null) {
            facts.add(new Fact("Registry", registryNote, null));
        }
        return facts;
    }
}
