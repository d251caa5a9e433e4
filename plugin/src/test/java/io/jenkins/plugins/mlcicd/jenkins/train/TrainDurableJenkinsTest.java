package io.jenkins.plugins.mlcicd.jenkins.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import hudson.Functions;
import hudson.model.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * mlTrain's command is a durable task (only under -Pjenkins): it outlives a controller restart and the
 * step reconnects to it; an aborted build kills its process tree promptly and records an aborted lineage.
 */
class TrainDurableJenkinsTest {
    @RegisterExtension
    JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    /** Outside the workspace: the test's side of the conversation with the training command. */
    @TempDir
    Path signals;

    @BeforeEach
    void unixOnly() {
        assumeFalse(Functions.isWindows(), "the trainer is a shell script, the command a durable shell task");
    }

    private static WorkflowJob job(JenkinsRule r, String trainer, String trainArguments) throws Exception {
        WorkflowJob job = r.jenkins.createProject(WorkflowJob.class, "p");
        job.setDefinition(new CpsFlowDefinition("""
                node {
                  writeFile file: 'data/train.csv', text: 'x,y\\n1,0\\n'
                  writeFile file: 'train.sh', text: '''%s'''
                  def lineage = mlTrain(command: 'sh train.sh', model: 'out/model.bin', metrics: 'out/metrics.json', data: ['data/train.csv']%s)
                  echo "verdict=${lineage.verdict} sha=${lineage.model?.sha256}"
                }
                """.formatted(trainer, trainArguments), true));
        return job;
    }

    private static void awaitLog(WorkflowRun run, String text) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (JenkinsRule.getLog(run).contains(text)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(run + " never logged '" + text + "':\n" + JenkinsRule.getLog(run));
    }

    @Test
    void theTrainingCommandSurvivesAControllerRestart() throws Throwable {
        Path go = signals.resolve("go");
        String trainer = """
                echo "waiting for the restart"
                while [ ! -f '%s' ]; do sleep 0.2; done
                mkdir -p out
                printf 'model-after-restart' > out/model.bin
                echo '{"auc": 0.91}' > out/metrics.json
                echo "trained after the restart"
                """.formatted(go);
        sessions.then(r -> {
            WorkflowRun run = job(r, trainer, "").scheduleBuild2(0).waitForStart();
            awaitLog(run, "waiting for the restart");
        });
        sessions.then(r -> {
            // the command is still waiting: only now may it finish, and the step must be there to see it
            Files.writeString(go, "");
            WorkflowRun run = r.jenkins.getItemByFullName("p", WorkflowJob.class).getBuildByNumber(1);
            r.waitForCompletion(run);
            r.assertBuildStatusSuccess(run);
            r.assertLogContains("the controller restarted; the training command ran on in the meantime; reconnecting to it", run);
            r.assertLogContains("trained after the restart", run);
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest("model-after-restart".getBytes(StandardCharsets.UTF_8)));
            r.assertLogContains("verdict=PASSED sha=" + sha, run);
            TrainingAction lineage = run.getAction(TrainingAction.class);
            assertThat(lineage).isNotNull();
            assertThat(lineage.getMetrics()).containsEntry("auc", 0.91);
            // the log tail collected before the restart survived it
            assertThat(lineage.getResultDocument().fields().has("aborted")).isFalse();
        });
    }

    @Test
    void anAbortKillsTheProcessTreePromptlyAndRecordsAnAbortedLineage() throws Throwable {
        Path pid = signals.resolve("pid");
        String trainer = """
                sleep 600 &
                echo $! > '%s'
                echo "training for a long time"
                wait
                """.formatted(pid);
        sessions.then(r -> {
            WorkflowRun run = job(r, trainer, ", timeout: '1h'").scheduleBuild2(0).waitForStart();
            awaitLog(run, "training for a long time");
            long child = Long.parseLong(Files.readString(pid).strip());
            assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive)).contains(true);

            long stoppedAt = System.nanoTime();
            run.doStop();
            r.waitForCompletion(run);
            assertThat(Duration.ofNanos(System.nanoTime() - stoppedAt)).isLessThan(Duration.ofSeconds(40));
            r.assertBuildStatus(Result.ABORTED, run);
            r.assertLogContains("stopping the training command", run);

            // the training's child process died with it
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            Optional<Boolean> alive = ProcessHandle.of(child).map(ProcessHandle::isAlive);
            while (alive.orElse(false) && System.nanoTime() < deadline) {
                Thread.sleep(100);
                alive = ProcessHandle.of(child).map(ProcessHandle::isAlive);
            }
            assertThat(alive.orElse(false)).as("the sleep started by the training command").isFalse();

            TrainingAction lineage = run.getAction(TrainingAction.class);
            assertThat(lineage).as("an aborted run's lineage is recorded").isNotNull();
            assertThat(lineage.getResultDocument().fields().path("aborted").asBoolean()).isTrue();
            assertThat(lineage.getResultDocument().fields().path("logTail").toString()).contains("training for a long time");
            assertThat(lineage.getResultDocument().verdict().name()).isEqualTo("FAILED");
        });
    }

    @Test
    void theTimeoutStopsADurableCommand() throws Throwable {
        sessions.then(r -> {
            WorkflowRun run = job(r, "echo started; sleep 600\n", ", timeout: '3s'").scheduleBuild2(0).waitForStart();
            r.waitForCompletion(run);
            r.assertBuildStatus(Result.FAILURE, run);
            r.assertLogContains("the training command exceeded its timeout; stopping it", run);
            TrainingAction lineage = run.getAction(TrainingAction.class);
            assertThat(lineage.getResultDocument().fields().path("timedOut").asBoolean()).isTrue();
        });
    }
}
