package io.jenkins.plugins.mlcicd.jenkins.canary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.Functions;
import hudson.model.Result;
import hudson.slaves.EnvironmentVariablesNodeProperty;
import hudson.util.Secret;
import io.jenkins.plugins.mlcicd.jenkins.common.EngineCommand;
import io.jenkins.plugins.mlcicd.jenkins.train.RegistryConfiguration;
import io.jenkins.plugins.mlcicd.jenkins.train.RegistrySettings;
import io.jenkins.plugins.mlcicd.registry.ModelReference;
import io.jenkins.plugins.mlcicd.registry.ModelRegistry;
import io.jenkins.plugins.mlcicd.registry.RolloutOutcomes;
import io.jenkins.plugins.mlcicd.registry.VersionDraft;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * mlCanary in a running Jenkins (only under -Pjenkins: the name ends in JenkinsTest): the engine as a
 * durable task on the built-in node, a router script in the workspace, Prometheus a loopback fake whose
 * queries must carry the credential's bearer token. Promotion, rollback on a breach, an aborted build
 * that rolls back, and a controller restart in the middle of a stage (JenkinsSessionExtension).
 */
class CanaryStepJenkinsTest {
    static final String TOKEN = "jt-s3cret-token";

    @RegisterExtension
    JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    @TempDir
    Path registryDir;

    FakePrometheus prometheus;

    @BeforeEach
    void unixAndPrometheus() throws Exception {
        assumeFalse(Functions.isWindows(), "the router is a shell script, the engine a durable shell task");
        prometheus = new FakePrometheus();
    }

    @AfterEach
    void stopPrometheus() {
        prometheus.close();
    }

    private void setUp(JenkinsRule r, String firstStage) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        r.jenkins.getGlobalNodeProperties().add(new EnvironmentVariablesNodeProperty(
                new EnvironmentVariablesNodeProperty.Entry(EngineCommand.JAVA_ENV, java)));
        CredentialsProvider.lookupStores(r.jenkins).iterator().next().addCredentials(Domain.global(),
                new StringCredentialsImpl(CredentialsScope.GLOBAL, "prom-token", "Prometheus", Secret.fromString(TOKEN)));
        RegistryConfiguration config = RegistryConfiguration.get();
        config.setRegistryType(RegistrySettings.FILE);
        config.setFilePath(registryDir.toString());
        ModelRegistry registry = config.openForReading();
        for (String sha : List.of("a".repeat(64), "b".repeat(64))) {
            registry.register("fraud", new VersionDraft(new ModelReference("s3://models/fraud.bin", sha, 42), Map.of(), null, "test", null));
        }
        WorkflowJob job = r.jenkins.createProject(WorkflowJob.class, "p");
        job.setDefinition(new CpsFlowDefinition("""
                node {
                  writeFile file: 'deploy/set-weight.sh', text: 'echo "$1" >> weights.txt'
                  def result = mlCanary(model: 'fraud', version: '2', planYaml: '''
                stages:
                  - {weight: 10, duration: %s}
                  - {weight: 100}
                interval: 500ms
                router: {command: ['sh', './deploy/set-weight.sh', '${WEIGHT}']}
                metrics:
                  prometheus: {url: '%s', credentialsId: prom-token, timeout: 2s}
                guardrails:
                  - {name: latencyP95, query: 'latency_p95{variant="${VARIANT}"}', max: 0.05}
                failureLimit: 1
                rollbackWithin: 1m
                ''')
                  echo "verdict=${result.verdict} phase=${result.phase}"
                }
                """.formatted(firstStage, prometheus.url()), true));
    }

    private static List<String> weights(JenkinsRule r, WorkflowRun run) throws Exception {
        return List.of(r.jenkins.getWorkspaceFor(run.getParent()).child("weights.txt").readToString().split("\\s+"));
    }

    private static CanaryAction action(WorkflowRun run) {
        CanaryAction action = run.getAction(CanaryAction.class);
        assertThat(action).isNotNull();
        return action;
    }

    private static void awaitStage(WorkflowRun run) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            CanaryAction action = run.getAction(CanaryAction.class);
            if (action != null && "stage".equals(action.getPhase())) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the rollout of " + run + " never reached a stage");
    }

    @Test
    void aHealthyCanaryIsPromotedAndTheRegistryMovesProduction() throws Throwable {
        sessions.then(r -> {
            setUp(r, "2s");
            WorkflowRun run = r.buildAndAssertSuccess(r.jenkins.getItemByFullName("p", WorkflowJob.class));
            r.assertLogContains("verdict=PASSED phase=promoted", run);
            r.assertLogContains("credentials [prom-token] for the engine in its secrets file", run);
            r.assertLogNotContains(TOKEN, run);
            assertThat(weights(r, run)).containsExactly("10", "100");
            assertThat(prometheus.authorizations()).isNotEmpty().allMatch(("Bearer " + TOKEN)::equals);
            CanaryAction action = action(run);
            assertThat(action.isRunning()).isFalse();
            assertThat(action.getPhase()).isEqualTo("promoted");
            assertThat(RegistryConfiguration.get().openForReading().aliases("fraud")).containsEntry(RolloutOutcomes.PRODUCTION, 2);
            assertThat(Files.readString(run.getRootDir().toPath().resolve("build.xml"))).doesNotContain(TOKEN);
            assertThat(r.createWebClient().getPage(run, action.getUrlName() + "/").asNormalizedText()).contains("promoted");
        });
    }

    @Test
    void aBreachRollsBackFailsTheBuildAndMarksTheVersion() throws Throwable {
        sessions.then(r -> {
            setUp(r, "30s");
            prometheus.canary("0.300");
            WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, r.jenkins.getItemByFullName("p", WorkflowJob.class));
            assertThat(action(run).getPhase()).isEqualTo("rolled-back");
            assertThat(action(run).getReason()).contains("latencyP95");
            assertThat(weights(r, run)).startsWith("10").endsWith("0");
            ModelRegistry registry = RegistryConfiguration.get().openForReading();
            assertThat(RolloutOutcomes.rolledBackVersions(registry, "fraud")).containsExactly(2);
            assertThat(registry.aliases("fraud")).doesNotContainKey(RolloutOutcomes.PRODUCTION);
        });
    }

    @Test
    void anAbortedBuildRollsBackBeforeTheStepEnds() throws Throwable {
        sessions.then(r -> {
            setUp(r, "10m");
            WorkflowRun run = r.jenkins.getItemByFullName("p", WorkflowJob.class).scheduleBuild2(0).waitForStart();
            awaitStage(run);
            run.doStop();
            r.waitForCompletion(run);
            r.assertBuildStatus(Result.ABORTED, run);
            r.assertLogContains("rolling back:", run);
            assertThat(weights(r, run)).startsWith("10").endsWith("0");
            assertThat(action(run).getPhase()).isIn("aborted", "rolled-back");
            assertThat(RolloutOutcomes.rolledBackVersions(RegistryConfiguration.get().openForReading(), "fraud")).containsExactly(2);
        });
    }

    @Test
    void aControllerRestartMidStageContinuesTheRollout() throws Throwable {
        sessions.then(r -> {
            setUp(r, "20s");
            WorkflowRun run = r.jenkins.getItemByFullName("p", WorkflowJob.class).scheduleBuild2(0).waitForStart();
            awaitStage(run);
        });
        sessions.then(r -> {
            WorkflowRun run = r.jenkins.getItemByFullName("p", WorkflowJob.class).getBuildByNumber(1);
            r.waitForCompletion(run);
            r.assertBuildStatusSuccess(run);
            r.assertLogContains("the controller restarted; the engine ran on in the meantime; continuing", run);
            r.assertLogContains("verdict=PASSED phase=promoted", run);
            // the engine was never relaunched: one rollout, the first stage entered once
            assertThat(weights(r, run)).containsExactly("10", "100");
        });
    }
}
