package io.jenkins.plugins.mlcicd.jenkins.common;

import io.jenkins.plugins.checks.api.ChecksConclusion;
import io.jenkins.plugins.checks.api.ChecksStatus;
import io.jenkins.plugins.mlcicd.report.MarkdownReport;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.Verdict;

/**
 * What one ML step shows on the pull request (or commit) that started the build, through the Checks
 * API: GitHub, GitLab or Bitbucket render it beside the diff, so reviewers see the model's verdict
 * without opening Jenkins. Built from the step's result document; {@link ChecksPublication} hands it
 * to the installed checks implementation.
 *
 * @param name       the check's name, unique per step invocation ({@link StepOptions#checkName()})
 * @param status     IN_PROGRESS while a long step runs (a canary), COMPLETED with its result
 * @param conclusion from the verdict ({@link #conclusion(Verdict)}); NONE while in progress
 * @param title      one line: the verdict and the result's summary
 * @param summary    Markdown rendered by the engine ({@link MarkdownReport}), user strings escaped
 */
public record PullRequestCheck(String name, ChecksStatus status, ChecksConclusion conclusion, String title, String summary) {
    /** The check of a finished step. */
    public static PullRequestCheck completed(StepOptions options, ResultDocument document, String reportUrl) {
        return new PullRequestCheck(options.checkName(), ChecksStatus.COMPLETED, conclusion(document.verdict()),
                MarkdownReport.title(document), MarkdownReport.render(document, reportUrl));
    }

    /** The check of a step still running, e.g. a canary at its current stage and weight. */
    public static PullRequestCheck inProgress(StepOptions options, ResultDocument progress, String reportUrl) {
        return new PullRequestCheck(options.checkName(), ChecksStatus.IN_PROGRESS, ChecksConclusion.NONE,
                "in progress: " + progress.summary().replaceAll("[\\r\\n\\t]", " "), MarkdownReport.render(progress, reportUrl));
    }

    /**
     * A failed model blocks the merge; a warning or an inconclusive result (e.g. no baseline yet) is
     * shown but does not, as a neutral check with the reason in its title.
     */
    public static ChecksConclusion conclusion(Verdict verdict) {
        return switch (verdict) {
            case PASSED -> ChecksConclusion.SUCCESS;
            case WARNING, INCONCLUSIVE -> ChecksConclusion.NEUTRAL;
            case FAILED -> ChecksConclusion.FAILURE;
        };
    }
}
