package io.jenkins.plugins.mlcicd.jenkins.canary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlcicd.jenkins.common.LogMasker;
import io.jenkins.plugins.mlcicd.jenkins.common.ShellScript;
import io.jenkins.plugins.mlcicd.input.Json;
import io.jenkins.plugins.mlcicd.input.Secrets;
import io.jenkins.plugins.mlcicd.input.StructuredFiles;
import io.jenkins.plugins.mlcicd.jenkins.common.EngineCommand;
import io.jenkins.plugins.mlcicd.jenkins.common.EngineExit;
import io.jenkins.plugins.mlcicd.jenkins.common.EngineJars;
import io.jenkins.plugins.mlcicd.jenkins.common.EngineResults;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What mlCanary does on an agent, without Jenkins: the real engine JVM started the way the step's
 * durable task starts it ({@link ShellScript} through {@code /bin/sh}, in the workspace, the secrets
 * file named in its environment), with {@link CanaryArguments}' command lines; a router that is a
 * local script recording every weight; Prometheus a loopback fake ({@link FakePrometheus}). The
 * execution's decisions ({@link RolloutControl}) are applied to the real exit codes. An integration
 * test (it starts JVMs): failsafe runs it.
 */
class CanaryEngineIT {
    static final String TOKEN = "Bearer it-s3cret-t0ken";
    static List<String> classpath;

    @TempDir
    Path agent;
    Path workspace;
    Path work;
    FakePrometheus prometheus;
    Process running;

    @BeforeAll
    static void engineJars() {
        classpath = EngineJars.locate(CanaryEngineIT.class.getClassLoader()).stream().map(j -> j.file().toString()).toList();
    }

    @BeforeEach
    void agentWithRouterScriptAndSecrets() throws IOException {
        prometheus = new FakePrometheus();
        workspace = Files.createDirectories(agent.resolve("workspace/p"));
        work = Files.createDirectories(agent.resolve("workspace/p@tmp/mlcicd/canary-canary-1"));
        Files.createDirectories(workspace.resolve("deploy"));
        // the router: a script in the workspace, run by the engine on the agent, recording each weight
        Files.writeString(workspace.resolve("deploy/set-weight.sh"), "#!/bin/sh\necho \"$1\" >> weights.txt\necho \"router: canary at $1%\"\n");
        Path secrets = Files.createFile(work.resolve("secrets.json"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(secrets, Json.mapper().writeValueAsString(Map.of("prom-token", TOKEN)));
    }

    @AfterEach
    void stop() {
        if (running != null && running.isAlive()) {
            running.destroyForcibly();
        }
        prometheus.close();
    }

    private void plan(String firstStage, String secondStage) throws IOException {
        Files.writeString(workspace.resolve("deploy/canary.yaml"), """
                stages:
                  - {weight: 10, duration: %s}
                  - {weight: 50, duration: %s}
                  - {weight: 100}
                interval: 300ms
                router:
                  command: ['sh', './deploy/set-weight.sh', '${WEIGHT}']
                  timeout: 5s
                metrics:
                  prometheus: {url: '%s', credentialsId: prom-token, timeout: 2s}
                guardrails:
                  - {name: latencyP95, query: 'latency_p95{variant="${VARIANT}"}', max: 0.05}
                failureLimit: 1
                noData: fail
                rollbackWithin: 30s
                """.formatted(firstStage, secondStage, prometheus.url()));
    }

    private CanaryFiles files() {
        return CanaryFiles.in(work.toString(), File.separator, workspace.resolve("deploy/canary.yaml").toString());
    }

    /** The engine as the durable task runs it: the exec script through /bin/sh, in the workspace. */
    private Process launch(List<String> arguments) throws IOException {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put(EngineCommand.JAVA_ENV, ProcessHandle.current().info().command().orElseThrow());
        List<String> command = EngineCommand.build(env, File.separator, File.pathSeparator, classpath, work.toString(), arguments);
        String script = ShellScript.exec(command);
        assertThat(script).as("the command line carries no secret").doesNotContain("s3cret");
        Path scriptFile = work.resolve("script-" + System.nanoTime() + ".sh");
        Files.writeString(scriptFile, script);
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", scriptFile.toString()).directory(workspace.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("log.txt").toFile()));
        builder.environment().put(EngineCommand.JAVA_ENV, env.get(EngineCommand.JAVA_ENV));
        builder.environment().put(Secrets.FILE_ENV, work.resolve("secrets.json").toString());
        running = builder.start();
        return running;
    }

    private static int exit(Process process, Duration limit) throws InterruptedException {
        assertThat(process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)).as("the engine ended within " + limit).isTrue();
        return process.exitValue();
    }

    private JsonNode progress() {
        Path file = work.resolve(CanaryFiles.PROGRESS);
        if (!Files.exists(file)) {
            return null;
        }
        try {
            return StructuredFiles.parseTree(CanaryFiles.PROGRESS, Files.readString(file));
        } catch (RuntimeException | IOException e) {
            return null; // rewritten atomically, but be lenient in the poll
        }
    }

    private void awaitPhase(String phase, int weight, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode node = progress();
            if (node != null && phase.equals(node.path("phase").asText()) && node.path("weight").asInt() == weight) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no progress with phase " + phase + " at " + weight + "% within " + limit + "; last: " + progress());
    }

    /** Until the engine's state says it has spent at least {@code millis} analysing the current stage. */
    private void awaitObservedInStage(long millis, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                JsonNode state = StructuredFiles.parseTree(CanaryFiles.STATE, Files.readString(work.resolve(CanaryFiles.STATE)));
                if (state.path("stageObservedMs").asLong() >= millis) {
                    return;
                }
            } catch (IOException | RuntimeException e) {
                // not written yet, or being replaced
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the engine's state never recorded " + millis + " ms in the stage within " + limit);
    }

    private ResultDocument result(int exit) throws IOException {
        return EngineResults.parse(CanaryFiles.OUT, Files.readString(work.resolve(CanaryFiles.OUT)), exit);
    }

    private List<String> weights() throws IOException {
        return Files.readAllLines(workspace.resolve("weights.txt"));
    }

    private String log() throws IOException {
        return Files.readString(work.resolve("log.txt"), StandardCharsets.UTF_8);
    }

    @Test
    void aHealthyCanaryIsPromotedThroughEveryStage() throws Exception {
        plan("1s", "1s");
        RolloutControl control = new RolloutControl();
        int exit = exit(launch(CanaryArguments.rollout(files(), OnResume.CONTINUE, true)), Duration.ofSeconds(60));

        assertThat(control.onExit(exit)).isEqualTo(RolloutControl.Action.READ_RESULT);
        ResultDocument document = result(exit);
        assertThat(document.verdict()).isEqualTo(Verdict.PASSED);
        CanaryStatus status = CanaryStatus.of(document);
        assertThat(status.phase()).isEqualTo("promoted");
        assertThat(status.weight()).isEqualTo("100");
        assertThat(weights()).containsExactly("10", "50", "100");
        assertThat(prometheus.authorizations()).isNotEmpty().allMatch(TOKEN::equals);
        assertThat(log()).contains("stage 1 (10%) -> stage 2 (50%)").doesNotContain("s3cret");
        assertThat(new LogMasker(List.of("it-s3cret-t0ken")).mask(log())).isEqualTo(log());
    }

    @Test
    void aBreachRollsBackAndTheResultSaysWhy() throws Exception {
        plan("30s", "30s");
        prometheus.canary("0.200");
        RolloutControl control = new RolloutControl();
        int exit = exit(launch(CanaryArguments.rollout(files(), OnResume.CONTINUE, true)), Duration.ofSeconds(60));

        assertThat(exit).isEqualTo(1);
        assertThat(control.onExit(exit)).isEqualTo(RolloutControl.Action.READ_RESULT);
        ResultDocument document = result(exit);
        assertThat(document.verdict()).isEqualTo(Verdict.FAILED);
        CanaryStatus status = CanaryStatus.of(document);
        assertThat(status.phase()).isEqualTo("rolled-back");
        assertThat(status.reason()).contains("latencyP95");
        assertThat(CanaryRunner.RegistryOutcome.of(document.verdict(), status)).isEqualTo(CanaryRunner.RegistryOutcome.ROLLED_BACK);
        assertThat(weights()).startsWith("10").endsWith("0").doesNotContain("50");
    }

    @Test
    void aBadPlanNeverMovesTrafficAndItsLineIsWhatTheStepSays() throws Exception {
        plan("1s", "1s");
        Files.writeString(workspace.resolve("deploy/canary.yaml"), Files.readString(workspace.resolve("deploy/canary.yaml"))
                .replace("rollbackWithin: 30s", "rollbackWithin: 2s"));
        RolloutControl control = new RolloutControl();
        int exit = exit(launch(CanaryArguments.rollout(files(), OnResume.CONTINUE, true)), Duration.ofSeconds(60));

        assertThat(control.onExit(exit)).isEqualTo(RolloutControl.Action.FAIL_BAD_PLAN);
        assertThat(EngineExit.badInputMessage(log())).contains("rollbackWithin").contains("the promise cannot be kept");
        assertThat(workspace.resolve("weights.txt")).doesNotExist();
        assertThat(prometheus.requests()).isZero();
    }

    @Test
    void anAbortedBuildStopsTheEngineAndTheAbortLeavesTheTrafficOnTheBaseline() throws Exception {
        plan("60s", "60s");
        RolloutControl control = new RolloutControl();
        Process rollout = launch(CanaryArguments.rollout(files(), OnResume.CONTINUE, true));
        awaitPhase("stage", 10, Duration.ofSeconds(30));

        // stop(): the durable task's stop sends SIGTERM (the engine starts rolling back) ...
        assertThat(control.onStop()).isEqualTo(RolloutControl.Action.STOP_AND_ABORT);
        long stopped = System.nanoTime();
        rollout.destroy();
        exit(rollout, Duration.ofSeconds(40));
        long terminated = System.nanoTime();
        // ... and --abort on the same state finishes it and reports
        int exit = exit(launch(CanaryArguments.abort(files(), true)), Duration.ofSeconds(60));
        System.out.printf("[measure] SIGTERM to the engine's exit %d ms; to the --abort engine's exit %d ms%n",
                (terminated - stopped) / 1_000_000, (System.nanoTime() - stopped) / 1_000_000);

        assertThat(control.onExit(exit)).isEqualTo(RolloutControl.Action.READ_ABORT_RESULT);
        CanaryStatus status = CanaryStatus.of(result(exit));
        assertThat(status.phase()).isIn("aborted", "rolled-back");
        assertThat(status.weight()).isEqualTo("0");
        assertThat(weights()).endsWith("0").doesNotContain("50");
    }

    @Test
    void anEngineKilledMidStageIsRelaunchedOnItsStateAndResumes() throws Exception {
        plan("6s", "1s");
        RolloutControl control = new RolloutControl();
        Process first = launch(CanaryArguments.rollout(files(), OnResume.CONTINUE, true));
        awaitPhase("stage", 10, Duration.ofSeconds(30));
        awaitObservedInStage(1000, Duration.ofSeconds(30));
        first.destroyForcibly(); // SIGKILL: no hook runs, as when the agent's machine goes down
        int killed = exit(first, Duration.ofSeconds(10));

        assertThat(control.onExit(killed)).isEqualTo(RolloutControl.Action.RELAUNCH);
        JsonNode state = StructuredFiles.parseTree(CanaryFiles.STATE, Files.readString(work.resolve(CanaryFiles.STATE)));
        assertThat(state.path("stageObservedMs").asLong()).as("the killed engine's state kept its time in the stage").isGreaterThanOrEqualTo(1000);
        int exit = exit(launch(CanaryArguments.rollout(files(), OnResume.CONTINUE, true)), Duration.ofSeconds(60));

        assertThat(control.onExit(exit)).isEqualTo(RolloutControl.Action.READ_RESULT);
        ResultDocument document = result(exit);
        assertThat(CanaryStatus.of(document).phase()).isEqualTo("promoted");
        assertThat(weights()).startsWith("10").endsWith("100");
        // resumed, not restarted: the record goes on from the first engine's, and the time it spent in the stage counted
        List<String> reasons = new java.util.ArrayList<>();
        for (JsonNode transition : document.fields().path("transitions")) {
            reasons.add(transition.path("reason").asText());
        }
        assertThat(reasons.get(0)).isEqualTo("rollout started");
        assertThat(reasons).filteredOn(r -> r.startsWith("resumed after a restart"))
                .singleElement().asString().containsPattern("restart; [1-9]\\d* s of the stage were already analysed");
    }
}
