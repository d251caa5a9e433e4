package io.jenkins.plugins.mlcicd.jenkins.eval;

import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import java.util.ArrayList;
import java.util.List;

/**
 * "ML Evaluations" on the job page (a project action of the last successful build's first
 * {@link EvaluationAction}): the headline metrics of every evaluation over the job's recent builds, as
 * trend charts and a table. Built from the builds' actions (build.xml) when the page is opened.
 */
public final class EvaluationTrendAction implements Action {
    /** How far back the page looks; older builds keep their own evaluation pages. */
    static final int MAX_BUILDS = 100;

    private final Job<?, ?> job;
    private EvaluationTrends trends;

    public EvaluationTrendAction(Job<?, ?> job) {
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
        return "ML Evaluations";
    }

    @Override
    public String getUrlName() {
        return "mlcicd-evaluations";
    }

    /** The charts and the table; computed once per page view. */
    public synchronized EvaluationTrends getTrends() {
        if (trends == null) {
            List<EvaluationTrends.Row> rows = new ArrayList<>();
            Run<?, ?> build = job.getLastBuild();
            for (int seen = 0; build != null && seen < MAX_BUILDS; seen++, build = build.getPreviousBuild()) {
                for (EvaluationAction evaluation : build.getActions(EvaluationAction.class)) {
                    rows.add(new EvaluationTrends.Row(build.getNumber(), build.getUrl(), evaluation.getId(), evaluation.getVerdict(),
                            evaluation.getHeadline(), evaluation.getWorstSlice(), evaluation.getWorstMetric(), evaluation.getWorstValue()));
                }
            }
            trends = new EvaluationTrends(rows);
        }
        return trends;
    }
}
