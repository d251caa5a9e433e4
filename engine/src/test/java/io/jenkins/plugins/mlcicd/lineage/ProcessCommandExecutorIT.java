package io.jenkins.plugins.mlcicd.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@DisabledOnOs(OS.WINDOWS)
class ProcessCommandExecutorIT {
    @TempDir
    Path dir;

    private final ProcessCommandExecutor executor = new ProcessCommandExecutor();

    private CommandOutcome run(String line, boolean shell, Duration timeout, StringWriter out, StringWriter err) throws Exception {
        return executor.execute(new TrainingCommand(line, shell, dir, Map.of("MLCICD_TEST", "yes"), timeout), out, err, new LogTail(50));
    }

    @Test
    void argumentsArePassedVerbatimWithoutAShellAndOutputIsStreamed() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandOutcome outcome = run("printf '%s|%s|%s\\n' 'a b' \"$HOME\" '*'", false, null, out, err);
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.succeeded()).isTrue();
        assertThat(out.toString()).isEqualTo("a b|$HOME|*\n");
    }

    @Test
    void shellModeInterpretsOperatorsAndSeesTheAddedEnvironment() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandOutcome outcome = run("echo $MLCICD_TEST && echo oops >&2; exit 4", true, null, out, err);
        assertThat(out.toString()).isEqualTo("yes\n");
        assertThat(err.toString()).isEqualTo("oops\n");
        assertThat(outcome.exitCode()).isEqualTo(4);
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.logTail()).containsExactlyInAnyOrder("yes", "oops"); // two pipes: no order across them
    }

    @Test
    void theTailKeepsTheLastFiftyLines() throws Exception {
        CommandOutcome outcome = run("seq 1 500", false, null, new StringWriter(), new StringWriter());
        assertThat(outcome.logTail()).hasSize(50).startsWith("451").endsWith("500");
    }

    @Test
    void aMissingProgramIsReportedNotThrown() throws Exception {
        CommandOutcome outcome = run("no-such-trainer-xyz --fast", false, null, new StringWriter(), new StringWriter());
        assertThat(outcome.exitCode()).isNull();
        assertThat(outcome.startError()).contains("no-such-trainer-xyz");
    }

    @Test
    void timeoutKillsTheWholeProcessTree() throws Exception {
        Path pidFile = dir.resolve("child.pid");
        long start = System.nanoTime();
        CommandOutcome outcome = run("sleep 60 & echo $! > child.pid; echo started; wait", true, Duration.ofMillis(1500),
                new StringWriter(), new StringWriter());
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(outcome.timedOut()).isTrue();
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.logTail()).contains("started").anySatisfy(line -> assertThat(line).contains("killed after the timeout"));
        assertThat(elapsed).isLessThan(20_000);
        long childPid = Long.parseLong(Files.readString(pidFile).strip());
        boolean childGone = ProcessHandle.of(childPid).map(h -> {
            try {
                h.onExit().get(5, TimeUnit.SECONDS);
                return true;
            } catch (Exception e) {
                return !h.isAlive();
            }
        }).orElse(true);
        assertThat(childGone).as("background child " + childPid + " killed").isTrue();
    }
}
