package io.jenkins.plugins.mlcicd.jenkins.common;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Job;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.checks.api.ChecksConclusion;
import io.jenkins.plugins.checks.api.ChecksDetails;
import io.jenkins.plugins.checks.api.ChecksOutput;
import io.jenkins.plugins.checks.api.ChecksPublisher;
import io.jenkins.plugins.checks.api.ChecksPublisherFactory;
import io.jenkins.plugins.checks.api.ChecksStatus;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Every ML step publishes one check per invocation through the Checks API (only under -Pjenkins). */
@WithJenkins
class ChecksPublicationJenkinsTest {
    private static final String PIPELINE = """
            node {
              writeFile file: 'gate.yaml', text: 'rules:\\n  - metric: auc\\n    atLeast: 0.8\\n'
              writeFile file: 'good.json', text: '{"auc": 0.91}'
              writeFile file: 'bad.json', text: '{"auc": 0.6}'
              mlGate(policy: 'gate.yaml', candidate: 'good.json', id: 'good')
              mlGate(policy: 'gate.yaml', candidate: 'bad.json', id: 'bad', checksName: 'Fraud model gate')
              mlGate(policy: 'gate.yaml', candidate: 'good.json', id: 'quiet', skipPublishingChecks: true)
            }
            """;

    @BeforeEach
    void clear() {
        Recorder.PUBLISHED.clear();
    }

    @Test
    void eachInvocationPublishesItsVerdictUnlessSkipped(JenkinsRule r) throws Exception {
        WorkflowJob job = r.jenkins.createProject(WorkflowJob.class, "checks");
        job.setDefinition(new CpsFlowDefinition(PIPELINE, true));
        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job);

        List<ChecksDetails> published = Recorder.PUBLISHED;
        assertThat(published).extracting(d -> d.getName().orElseThrow()).containsExactly("ML: mlGate good", "Fraud model gate");
        ChecksDetails good = published.get(0);
        assertThat(good.getStatus()).isEqualTo(ChecksStatus.COMPLETED);
        assertThat(good.getConclusion()).isEqualTo(ChecksConclusion.SUCCESS);
        ChecksDetails bad = published.get(1);
        assertThat(bad.getConclusion()).isEqualTo(ChecksConclusion.FAILURE);
        ChecksOutput output = bad.getOutput().orElseThrow();
        assertThat(output.getTitle().orElseThrow()).startsWith("FAILED: ");
        assertThat(output.getSummary().orElseThrow()).startsWith("**FAILED**").contains("| auc | FAILED |");
        assertThat(bad.getDetailsURL().orElseThrow()).endsWith(run.getUrl() + "mlcicd-gate-bad/");
    }

    @Test
    void withoutAChecksImplementationNothingHappens(JenkinsRule r) throws Exception {
        Recorder.enabled = false;
        try {
            WorkflowJob job = r.jenkins.createProject(WorkflowJob.class, "nochecks");
            job.setDefinition(new CpsFlowDefinition(PIPELINE, true));
            WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job);
            r.assertLogNotContains("could not publish", run);
            assertThat(Recorder.PUBLISHED).isEmpty();
        } finally {
            Recorder.enabled = true;
        }
    }

    /** Stands for github-checks: records what would be sent. */
    @TestExtension
    public static final class Recorder extends ChecksPublisherFactory {
        static final List<ChecksDetails> PUBLISHED = new CopyOnWriteArrayList<>();
        static volatile boolean enabled = true;

        @Override
        protected Optional<ChecksPublisher> createPublisher(Run<?, ?> run, TaskListener listener) {
            return enabled ? Optional.of(new ChecksPublisher() {
                @Override
                public void publish(ChecksDetails details) {
                    PUBLISHED.add(details);
                }
            }) : Optional.empty();
        }

        @Override
        protected Optional<ChecksPublisher> createPublisher(Job<?, ?> job, TaskListener listener) {
            return Optional.empty();
        }
    }
}
