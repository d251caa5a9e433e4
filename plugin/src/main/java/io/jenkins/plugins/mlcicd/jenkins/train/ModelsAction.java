package io.jenkins.plugins.mlcicd.jenkins.train;

import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.mlcicd.jenkins.common.BuildHistory;
import io.jenkins.plugins.mlcicd.jenkins.common.CachedValue;
import io.jenkins.plugins.mlcicd.jenkins.gate.GateAction;
import io.jenkins.plugins.mlcicd.registry.ModelRegistry;
import io.jenkins.plugins.mlcicd.registry.RegistryException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * "ML Models" on the job page (a project action of the last successful build's {@link TrainingAction}):
 * the models this job trained, newest first (build, registered version, key metrics, aliases, the
 * same build's gate verdicts) and a trend chart per key metric. Built from the builds' actions and
 * the configured registry's current aliases when the page is opened, then kept for
 * {@link #MAX_AGE}: one instance per build ({@link TrainingAction#getProjectActions}), so page views
 * neither walk the builds nor ask the registry again each time, and an alias moved elsewhere shows
 * within minutes.
 */
public final class ModelsAction implements Action {
    /** How far back the page looks; older builds still have their own ML Lineage pages. */
    static final int MAX_BUILDS = BuildHistory.MAX_BUILDS;

    /** How long the table and the registry's aliases are reused. */
    static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final Job<?, ?> job;
    private final CachedValue<Page> page = new CachedValue<>(MAX_AGE);

    /** What one computation yields: the table and why the aliases are missing (or null). */
    private record Page(ModelHistory history, String registryProblem) {
    }

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

    /** The table and charts, at most {@link #MAX_AGE} old. */
    public ModelHistory getHistory() {
        return page().history();
    }

    private Page page() {
        return page.get(() -> {
            String[] problem = new String[1];
            ModelHistory history = new ModelHistory(rows()).withCurrentAliases(currentAliases(problem));
            return new Page(history, problem[0]);
        });
    }

    /** The metrics shown in the table and charted. */
    public List<String> getMetricNames() {
        return getHistory().chartedMetrics();
    }

    /** Why the current aliases could not be read from the registry, or null. */
    public String getRegistryProblem() {
        return page().registryProblem();
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

    /** @param problem receives why the aliases could not be read, at index 0 */
    private Map<String, Map<String, Integer>> currentAliases(String[] problem) {
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
                problem[0] = "no model registry is configured, so the current aliases are not shown";
                return aliases;
            }
            for (String name : names) {
                aliases.put(name, registry.aliases(name));
            }
        } catch (RegistryException | io.jenkins.plugins.mlcicd.input.BadInputException e) {
            problem[0] = "the current aliases could not be read from the registry: " + e.getMessage();
        }
        return aliases;
    }
}
