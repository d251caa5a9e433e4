package io.jenkins.plugins.mlcicd.jenkins.common;

import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.checks.api.ChecksDetails;
import io.jenkins.plugins.checks.api.ChecksOutput;
import io.jenkins.plugins.checks.api.ChecksPublisherFactory;
import io.jenkins.plugins.checks.api.ChecksStatus;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import java.time.LocalDateTime;
import jenkins.model.Jenkins;

/**
 * Publishes a {@link PullRequestCheck} through the Checks API plugin's {@link ChecksPublisherFactory}.
 * Without a checks implementation (github-checks, gitlab-checks, …) the factory returns its null
 * publisher and nothing happens; a publisher that fails is logged in one line and never fails the
 * step, as warnings-ng and coverage do: the verdict is the build's, not the check's.
 */
public final class ChecksPublication {
    private ChecksPublication() {
    }

    /** Publishes the check of a finished step, unless the step says {@code skipPublishingChecks}. */
    public static void completed(BuildContext build, StepOptions options, ResultDocument document,
                                 MlResultAction action) {
        if (options.skipPublishingChecks()) {
            return;
        }
        String reportUrl = reportUrl(build.run(), action.getUrlName());
        publish(build.run(), build.listener(), PullRequestCheck.completed(options, document, reportUrl), reportUrl);
    }

    /**
     * Publishes the check of a step still running (a canary's current stage and weight), so that the
     * pull request shows the rollout live; the finished step's {@link #completed} replaces it.
     */
    public static void inProgress(Run<?, ?> run, TaskListener listener, StepOptions options, ResultDocument progress,
                                  MlResultAction action) {
        if (options.skipPublishingChecks()) {
            return;
        }
        String reportUrl = reportUrl(run, action.getUrlName());
        publish(run, listener, PullRequestCheck.inProgress(options, progress, reportUrl), reportUrl);
    }

    /** Publishes (or updates) a check; failures are logged, never thrown. */
    public static void publish(Run<?, ?> run, TaskListener listener, PullRequestCheck check, String detailsUrl) {
        try {
            ChecksOutput output = new ChecksOutput.ChecksOutputBuilder().withTitle(check.title()).withSummary(check.summary()).build();
            ChecksDetails.ChecksDetailsBuilder details = new ChecksDetails.ChecksDetailsBuilder()
                    .withName(check.name())
                    .withStatus(check.status())
                    .withOutput(output);
            if (check.status() == ChecksStatus.COMPLETED) {
                details.withConclusion(check.conclusion()).withCompletedAt(LocalDateTime.now());
            }
            if (detailsUrl != null) {
                details.withDetailsURL(detailsUrl);
            }
            ChecksPublisherFactory.fromRun(run, listener).publish(details.build());
        } catch (RuntimeException e) {
            listener.getLogger().println("[" + check.name() + "] could not publish the pull request check: " + e);
        }
    }

    /** The action page's absolute URL, or null when Jenkins' root URL is not configured. */
    static String reportUrl(Run<?, ?> run, String urlName) {
        String root;
        try {
            root = Jenkins.get().getRootUrl();
        } catch (IllegalStateException e) {
            return null;
        }
        return root == null || !root.matches("(?i)https?://.*") ? null : root + run.getUrl() + urlName + "/";
    }
}
