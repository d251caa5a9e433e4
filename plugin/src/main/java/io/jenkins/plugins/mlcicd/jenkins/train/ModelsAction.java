package io.jenkins.plugins.mlcicd.jenkins.train;

import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.mlcicd.jenkins.gate.GateAction;
import io.jenkins.plugins.mlcicd.registry.ModelRegistry;
import io.jenkins.plugins.mlcicd.registry.RegistryException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * "ML Models" on the job page (a project action of the last successful build's {@link TrainingAction}):
 * the models this job trained, newest first (build, registered version, key metrics, aliases, the
 * same build's gate verdicts) and a trend chart per key metric. Built from the builds' actions when
 * the page is opened; the current aliases are asked from the configured registry.
 */
public final class ModelsAction implements Action {
    /** How far back the page looks; older builds still have their own ML Lineage pages. */
    static final int MAX_BUILDS = 100;

    private final Job<?, ?> job;
    private ModelHistory history;
    private String registryProblem;

    public ModelsAction(Job<?, ?> job) {
        this.job = job;
    }

    public Job<?, ?> getJob() {
        return job;
    }

    @Override
    public String getIconFileName() {
        return "symbol-analytics";
    }

    @Override
    public String getDisplayName() {
        return "ML Models";
    }

    @Override
    public String getUrlName() {
        return "mlcicd-models";
    }

    /** The table and charts; computed once per page view. */
    public synchronized ModelHistory getHistory() {
        if (history == null) {
            history = new ModelHistory(rows()).withCurrentAliases(currentAliases());
        }
        return history;
    }

    /** The metrics shown in the table and charted. */
    public List<String> getMetricNames() {
        return getHistory().chartedMetrics();
    }

    /** Why the current aliases could not be read from the registry, or null. */
    public String getRegistryProblem() {
        getHistory();
        return registryProblem;
    }

    private List<ModelHistory.Row> rows() {
        List<ModelHistory.Row> rows = new ArrayList<>();
        Run<?, ?> build = job.getLastBuild();
        for (int seen = 0; build != null && seen < MAX_BUILDS; seen++, build = build.getPreviousBuild()) {
            List<String> gates = new ArrayList<>();
            for (GateAction gate : build.getActions(GateAction.class)) {
                gates.add(gate.getId() + ": " + gate.getVerdict());
            }
            for (TrainingAction training : build.getActions(TrainingAction.class)) {
                rows.add(new ModelHistory.Row(build.getNumber(), build.getUrl(), training.getId(), training.getVerdict(),
                        training.getRegistryName(), training.getRegistryVersion(), training.getRegistryAlias(),
                        training.getMetrics(), gates));
            }
        }
        return rows;
    }

    private Map<String, Map<String, Integer>> currentAliases() {
        Set<String> names = new LinkedHashSet<>();
        Run<?, ?> build = job.getLastBuild();
        for (int seen = 0; build != null && seen < MAX_BUILDS; seen++, build = build.getPreviousBuild()) {
            for (TrainingAction training : build.getActions(TrainingAction.class)) {
                if (training.getRegistryName() != null) {
                    names.add(training.getRegistryName());
                }
            }
        }
        Map<String, Map<String, Integer>> aliases = new LinkedHashMap<>();
        if (names.isEmpty()) {
            return aliases;
        }
        try {
            ModelRegistry registry = RegistryConfiguration.get().openForReading();
            if (registry == null) {
                registryProblem = "no model registry is configured, so the current aliases are not shown";
                return aliases;
            }
            for (String name : names) {
                aliases.put(name, registry.aliases(name));
            }
        } catch (RegistryException | io.jenkins.plugins.mlcicd.input.BadInputException e) {
            registryProblem = "the current aliases could not be read from the registry: " + e.getMessage();
        }
        return aliases;
    }
}
