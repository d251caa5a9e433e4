package io.jenkins.plugins.mlcicd.jenkins.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hudson.model.Action;
import hudson.model.Run;
import io.jenkins.plugins.mlcicd.jenkins.common.Fact;
import io.jenkins.plugins.mlcicd.jenkins.common.MlResultAction;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.ResultKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "ML Lineage" on the build page: one {@code mlTrain} run. build.xml keeps what the build page and
 * the job's "ML Models" table need (registry version, alias, model digest, commit, a few metrics);
 * the whole lineage is the result document in the build directory, rendered by the engine's
 * {@link LineageHtml}.
 */
public final class TrainingAction extends MlResultAction {
    /** Metrics kept in build.xml for the models table and trend; the document has them all. */
    static final int KEPT_METRICS = 12;

    private final String registryName;
    private final Integer registryVersion;
    private final String registryAlias;
    private final String modelSha256;
    private final String commit;
    private final LinkedHashMap<String, Double> metrics;
    /** The job page's "ML Models" object while this build is loaded; not kept in build.xml. */
    private transient ModelsAction modelsPage;

    TrainingAction(String id, ResultDocument document) {
        super(id, document);
        ObjectNode fields = document.fields();
        JsonNode registry = fields.path("registry");
        this.registryName = text(registry, "name");
        this.registryVersion = registry.path("version").isInt() ? registry.path("version").asInt() : null;
        this.registryAlias = aliasSet(registry);
        this.modelSha256 = text(fields.path("model"), "sha256");
        this.commit = text(fields.path("code"), "commit");
        this.metrics = new LinkedHashMap<>();
        fields.path("metrics").properties().stream().limit(KEPT_METRICS)
                .filter(field -> field.getValue().isNumber())
                .forEach(field -> metrics.put(field.getKey(), field.getValue().doubleValue()));
    }

    private static String aliasSet(JsonNode registry) {
        for (JsonNode move : registry.path("aliasMoves")) {
            if (move.path("toVersion").isInt()) {
                return move.path("alias").asText();
            }
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }

    @Override
    public ResultKind kind() {
        return ResultKind.TRAINING;
    }

    @Override
    protected String title() {
        return "ML Lineage";
    }

    /** The registered model's name, or null when the run registered nothing. */
    public String getRegistryName() {
        return registryName;
    }

    /** The registered version, or null. */
    public Integer getRegistryVersion() {
        return registryVersion;
    }

    /** The alias pointed at the new version, or null. */
    public String getRegistryAlias() {
        return registryAlias;
    }

    public String getModelSha256() {
        return modelSha256;
    }

    public String getCommit() {
        return commit;
    }

    /** Up to {@link #KEPT_METRICS} metrics, in the trainer's order. */
    public Map<String, Double> getMetrics() {
        return metrics == null ? Map.of() : java.util.Collections.unmodifiableMap(metrics);
    }

    @Override
    public List<Fact> getFacts() {
        Run<?, ?> owner = getOwner();
        List<Fact> facts = new ArrayList<>();
        if (registryVersion != null) {
            facts.add(new Fact("Registered", registryName + " version " + registryVersion
                    + (registryAlias == null ? "" : " (alias " + registryAlias + ")"), null));
        }
        if (owner != null && modelSha256 != null) {
            facts.add(new Fact("Fingerprints", "model and data files of this build", owner.getUrl() + "fingerprints/"));
        }
        return facts;
    }

    /** The page object, kept with this action so that its cache lives as long as the build is loaded. */
    private synchronized ModelsAction modelsPage(Run<?, ?> owner) {
        if (modelsPage == null) {
            modelsPage = new ModelsAction(owner.getParent());
        }
        return modelsPage;
    }

    /** The job's "ML Models" page, once per build (from its first training action). */
    @Override
    public Collection<? extends Action> getProjectActions() {
        Run<?, ?> owner = getOwner();
        if (owner == null || owner.getActions(TrainingAction.class).get(0) != this) {
            return new ArrayList<>();
        }
        List<Action> actions = new ArrayList<>();
        actions.add(modelsPage(owner));
        return actions;
    }
}
