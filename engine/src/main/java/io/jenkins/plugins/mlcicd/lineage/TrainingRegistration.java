package io.jenkins.plugins.mlcicd.lineage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlcicd.input.Json;
import io.jenkins.plugins.mlcicd.registry.AliasMove;
import io.jenkins.plugins.mlcicd.registry.ModelReference;
import io.jenkins.plugins.mlcicd.registry.ModelRegistry;
import io.jenkins.plugins.mlcicd.registry.ModelVersion;
import io.jenkins.plugins.mlcicd.registry.Promotion;
import io.jenkins.plugins.mlcicd.registry.RegistryException;
import io.jenkins.plugins.mlcicd.registry.VersionDraft;
import io.jenkins.plugins.mlcicd.result.Check;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Registers the model of a successful training run as a new registry version, optionally pointing
 * an alias (e.g. {@code candidate}) at it, and returns the training document with a
 * {@code registry} field and a {@code registry} check. Works from the document alone, so Jenkins
 * can train on an agent and register on the controller. A failed run is not registered; a
 * registry failure is a FAILED check (the candidate does not exist for the next stages), never lost.
 */
public final class TrainingRegistration {
    /**
     * @param name      registered model name
     * @param modelUri  where the model's bytes are kept (artifact URL, object-store URI, path)
     * @param sourceUrl the build that trained it, or null
     * @param actor     who registers (user or CI identity)
     * @param alias     alias to point at the new version, or null
     * @param modelFile the model on this machine, which a registry that keeps bytes (MLflow) uploads when
     *                  {@code modelUri} is not remote; may be null
     */
    public record Target(String name, String modelUri, String sourceUrl, String actor, String alias, java.nio.file.Path modelFile) {
        public Target(String name, String modelUri, String sourceUrl, String actor, String alias) {
            this(name, modelUri, sourceUrl, actor, alias, null);
        }

        public Target {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(modelUri, "modelUri");
            Objects.requireNonNull(actor, "actor");
        }
    }

    private TrainingRegistration() {
    }

    public static ResultDocument register(ResultDocument training, ModelRegistry registry, Target target) {
        ObjectNode fields = training.fields();
        List<Check> checks = new ArrayList<>(training.checks());
        ObjectNode registryField = fields.putObject("registry");
        registryField.put("name", target.name()).put("location", registry.location());
        if (training.verdict() == Verdict.FAILED) {
            registryField.put("skipped", training.fields().path("aborted").asBoolean(false)
                    ? "the training run was aborted" : "the training run failed");
            return new ResultDocument(training.kind(), training.verdict(), training.summary(), training.startedAt(),
                    training.durationMs(), checks, fields);
        }
        LineageRecord lineage = LineageDocuments.lineageOf(training);
        ObjectNode lineageJson = LineageDocuments.toFields(lineage);
        lineageJson.remove("metrics"); // kept once, as the version's metrics
        VersionDraft draft = new VersionDraft(new ModelReference(target.modelUri(), lineage.model().sha256(), lineage.model().bytes()),
                lineage.metrics(), target.sourceUrl(), target.actor(), lineageJson, target.modelFile());
        Verdict verdict = training.verdict();
        String summary = training.summary();
        ModelVersion version;
        try {
            version = registry.register(target.name(), draft);
        } catch (RegistryException e) {
            registryField.put("error", e.getMessage());
            checks.add(Check.of("registry", Verdict.FAILED, null, null, "not registered: " + e.getMessage()));
            return new ResultDocument(training.kind(), Verdict.FAILED, "registry: not registered: " + e.getMessage(),
                    training.startedAt(), training.durationMs(), checks, fields);
        }
        registryField.put("version", version.version()).put("modelUri", version.model().uri()).put("createdAt", version.createdAt());
        if (version.links() != null) {
            // e.g. the MLflow run and where the lineage artifact is (it may be too large for a tag)
            ObjectNode links = registryField.putObject("links");
            version.links().forEach(links::put);
        }
        checks.add(Check.of("registry", Verdict.PASSED, (double) version.version(), null,
                "registered as " + target.name() + " version " + version.version() + " in " + registry.location()));
        summary = summary + "; " + target.name() + " v" + version.version();
        if (target.alias() != null) {
            try {
                AliasMove move = registry.setAlias(target.name(), target.alias(), version.version(),
                        new Promotion(target.actor(), "trained", target.sourceUrl(), null));
                registryField.putArray("aliasMoves").add(Json.mapper().<ObjectNode>valueToTree(move));
                checks.add(Check.of("registry.alias", Verdict.PASSED, (double) version.version(), null,
                        "alias '" + target.alias() + "' → version " + version.version()));
            } catch (RegistryException e) {
                registryField.put("error", e.getMessage());
                checks.add(Check.of("registry.alias", Verdict.FAILED, null, null,
                        "version " + version.version() + " registered, but alias '" + target.alias() + "' not set: " + e.getMessage()));
                verdict = Verdict.FAILED;
                summary = "registry.alias: alias '" + target.alias() + "' not set: " + e.getMessage();
            }
        }
        return new ResultDocument(training.kind(), verdict, summary, training.startedAt(), training.durationMs(), checks, fields);
    }
}
