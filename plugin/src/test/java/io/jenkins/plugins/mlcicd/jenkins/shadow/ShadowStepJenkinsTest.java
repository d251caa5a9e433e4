package io.jenkins.plugins.mlcicd.jenkins.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.Result;
import hudson.slaves.EnvironmentVariablesNodeProperty;
import hudson.util.Secret;
import io.jenkins.plugins.mlcicd.jenkins.common.EngineCommand;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The mlShadowEval Pipeline step in a running Jenkins, with the engine in a child JVM on the built-in
 * node and two model servers on 127.0.0.1 (only under -Pjenkins: the name ends in JenkinsTest).
 */
@WithJenkins
class ShadowStepJenkinsTest {
    private final List<ModelServer> servers = new ArrayList<>();

    @AfterEach
    void stopServers() {
        servers.forEach(ModelServer::stop);
    }

    ModelServer server(String authorization, double shift, long delayMillis) throws Exception {
        ModelServer server = new ModelServer(authorization, shift, delayMillis);
        servers.add(server);
        return server;
    }

    /** The engine's JVM is this test's java; the credentials: a secret text and a username with password. */
    static void setUp(JenkinsRule r) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        r.jenkins.getGlobalNodeProperties().add(new EnvironmentVariablesNodeProperty(
                new EnvironmentVariablesNodeProperty.Entry(EngineCommand.JAVA_ENV, java)));
        var store = CredentialsProvider.lookupStores(r.jenkins).iterator().next();
        store.addCredentials(Domain.global(), new StringCredentialsImpl(CredentialsScope.GLOBAL, "a-token", "model A",
                Secret.fromString(ShadowFixtures.TOKEN)));
        store.addCredentials(Domain.global(), new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, "b-login", "model B",
                ShadowFixtures.USER, ShadowFixtures.PASSWORD));
    }

    /**
     * A pipeline replaying {@code requests} requests; the log is written into the job's workspace (the
     * built-in node's) before the build, as a script string would be too big for 20 000 lines.
     */
    private static WorkflowJob job(JenkinsRule r, int requests, String arguments) throws Exception {
        WorkflowJob job = r.jenkins.createProject(WorkflowJob.class, "p");
        r.jenkins.getWorkspaceFor(job).child("logs/requests.jsonl").write(ShadowFixtures.requests(requests), "UTF-8");
        job.setDefinition(new CpsFlowDefinition("""
                node {
                  def result = mlShadowEval(%s)
                  echo "verdict=${result.verdict} kind=${result.kind} compared=${result.metrics.compared}"
                  echo 'after the shadow evaluation'
                }
                """.formatted(arguments), true));
        return job;
    }

    private static String endpoints(ModelServer baseline, ModelServer candidate) {
        return "requests: 'logs/requests.jsonl', baseline: [url: '" + baseline.url() + "', credentialsId: 'a-token'], "
                + "candidate: [url: '" + candidate.url() + "', credentialsId: 'b-login', headers: 'X-Shadow: true']";
    }

    @Test
    void replayWithCredentialsRecordsTheComparisonAndNeverShowsASecret(JenkinsRule r) throws Exception {
        setUp(r);
        ModelServer baseline = server("Bearer " + ShadowFixtures.TOKEN, 0, 0);
        ModelServer candidate = server(ShadowFixtures.BASIC, 0.01, 0);
        WorkflowJob job = job(r, 200, endpoints(baseline, candidate) + ", maxRequests: 150, minAgreement: 0.9, slice: 'country'");

        WorkflowRun run = r.buildAndAssertSuccess(job);

        r.assertLogContains("verdict=PASSED kind=shadow compared=150", run);
        r.assertLogContains("[mlShadowEval shadow] baseline: Authorization from credential 'a-token'", run);
        r.assertLogContains("--baseline-header=Authorization: ${MLCICD_BASELINE_AUTHORIZATION}", run);
        r.assertLogContains("after the shadow evaluation", run);
        assertThat(baseline.refused.get()).isZero();
        assertThat(candidate.authorizations).containsExactly(ShadowFixtures.BASIC);
        String log = JenkinsRule.getLog(run);
        assertThat(log).doesNotContain(ShadowFixtures.TOKEN, ShadowFixtures.PASSWORD, ShadowFixtures.BASIC.substring(6));
        assertThat(Files.readString(run.getRootDir().toPath().resolve("build.xml")))
                .doesNotContain(ShadowFixtures.TOKEN, ShadowFixtures.PASSWORD);
        assertThat(Files.readString(run.getRootDir().toPath().resolve("mlcicd/shadow/shadow/result.json")))
                .doesNotContain(ShadowFixtures.TOKEN, ShadowFixtures.PASSWORD);
        assertThat(CredentialsProvider.getFingerprintOf(CredentialsProvider.lookupStores(r.jenkins).iterator().next()
                .getCredentials(Domain.global()).get(0))).as("the credential's use is tracked").isNotNull();

        ShadowAction action = run.getAction(ShadowAction.class);
        assertThat(action.getVerdict()).isEqualTo(Verdict.PASSED);
        assertThat(action.getCompared()).isEqualTo("150");
        assertThat(r.createWebClient().getPage(run).asNormalizedText())
                .contains("ML shadow evaluation (shadow)", "candidate error rate 0.00%", "agreement");
        HtmlPage page = r.createWebClient().getPage(run, "mlcicd-shadow-shadow/");
        assertThat(page.asXml()).contains("mlcicd-checks", "agreement").doesNotContain(ShadowFixtures.TOKEN);
    }

    @Test
    void aGuardrailThatFailsFailsTheBuildAndStopBuildStopsIt(JenkinsRule r) throws Exception {
        setUp(r);
        ModelServer baseline = server("Bearer " + ShadowFixtures.TOKEN, 0, 0);
        ModelServer candidate = server(ShadowFixtures.BASIC, 0.3, 0);
        WorkflowJob job = job(r, 100, endpoints(baseline, candidate) + ", minAgreement: 0.99, id: 'b-vs-a'");

        WorkflowRun failed = r.buildAndAssertStatus(Result.FAILURE, job);
        r.assertLogContains("verdict=FAILED", failed);
        r.assertLogContains("[mlShadowEval b-vs-a] FAILED", failed);
        r.assertLogContains("after the shadow evaluation", failed);
        assertThat(failed.getAction(ShadowAction.class).getId()).isEqualTo("b-vs-a");

        job.setDefinition(new CpsFlowDefinition("""
                node {
                  mlShadowEval(%s, minAgreement: 0.99, stopBuild: true)
                  echo 'after the shadow evaluation'
                }
                """.formatted(endpoints(baseline, candidate)), true));
        WorkflowRun stopped = r.buildAndAssertStatus(Result.FAILURE, job);
        r.assertLogContains("(stopBuild: true)", stopped);
        r.assertLogNotContains("after the shadow evaluation", stopped);
    }

    @Test
    void badInputIsOneLineWithoutStackTrace(JenkinsRule r) throws Exception {
        setUp(r);
        WorkflowJob job = job(r, 10, "requests: 'logs/requests.jsonl', candidate: [url: 'http://127.0.0.1:1/predict']");

        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job);

        r.assertLogContains("mlShadowEval: baseline: required with requests, with its url", run);
        r.assertLogNotContains("\tat io.jenkins", run);
        assertThat(run.getAction(ShadowAction.class)).isNull();
    }

    @Test
    void anUnknownCredentialIsNamed(JenkinsRule r) throws Exception {
        setUp(r);
        ModelServer baseline = server("Bearer " + ShadowFixtures.TOKEN, 0, 0);
        WorkflowJob job = job(r, 10, "requests: 'logs/requests.jsonl', baseline: [url: '" + baseline.url() + "'], "
                + "candidate: [url: '" + baseline.url() + "', credentialsId: 'nope']");

        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job);

        r.assertLogContains("mlShadowEval: candidate.credentialsId: no credential 'nope' that this build may use", run);
        assertThat(baseline.answered.get()).isZero();
    }

    @Test
    void abortingStopsTheReplayAndKeepsWhatWasMeasured(JenkinsRule r) throws Exception {
        setUp(r);
        ModelServer baseline = server("Bearer " + ShadowFixtures.TOKEN, 0, 20);
        ModelServer candidate = server(ShadowFixtures.BASIC, 0, 20);
        WorkflowJob job = job(r, 20_000, endpoints(baseline, candidate) + ", concurrency: 2");

        WorkflowRun run = job.scheduleBuild2(0).waitForStart();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (baseline.answered.get() < 50 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(baseline.answered.get()).isGreaterThanOrEqualTo(50);
        long stopping = System.nanoTime();
        run.doStop();
        r.assertBuildStatus(Result.ABORTED, r.waitForCompletion(run));
        // the step's thread keeps the result after the flow has ended
        while (run.getAction(ShadowAction.class) == null && System.nanoTime() - stopping < TimeUnit.SECONDS.toNanos(30)) {
            Thread.sleep(100);
        }

        ShadowAction action = run.getAction(ShadowAction.class);
        assertThat(action).as(JenkinsRule.getLog(run)).isNotNull();
        assertThat(action.getStopReason()).contains("interrupted");
        assertThat(Long.parseLong(action.getCompared())).isGreaterThan(0).isLessThan(20_000);
        assertThat(baseline.answered.get()).as("the replay stopped").isLessThan(20_000);
        r.assertLogContains("aborted; kept what was measured until then", run);
    }
}
