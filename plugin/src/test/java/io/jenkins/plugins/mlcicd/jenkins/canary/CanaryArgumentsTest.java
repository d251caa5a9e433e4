package io.jenkins.plugins.mlcicd.jenkins.canary;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlcicd.jenkins.common.ShellScript;
import io.jenkins.plugins.mlcicd.input.Secrets;
import io.jenkins.plugins.mlcicd.jenkins.common.EngineCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's command lines: files and flags only, quoted for the durable task's shell. */
class CanaryArgumentsTest {
    static final CanaryFiles FILES = CanaryFiles.in("/agent/ws@tmp/mlcicd/canary-canary-1a2b", "/", "/agent/ws/deploy/canary.yaml");

    @Test
    void theRolloutNamesItsStateProgressAndResultFiles() {
        assertThat(CanaryArguments.rollout(FILES, OnResume.CONTINUE, true)).containsExactly("canary",
                "--plan=/agent/ws/deploy/canary.yaml",
                "--state=/agent/ws@tmp/mlcicd/canary-canary-1a2b/state.json",
                "--out=/agent/ws@tmp/mlcicd/canary-canary-1a2b/result.json",
                "--html=/agent/ws@tmp/mlcicd/canary-canary-1a2b/canary.html",
                "--progress=/agent/ws@tmp/mlcicd/canary-canary-1a2b/progress.json",
                "--on-resume=continue");
        assertThat(CanaryArguments.rollout(FILES, OnResume.ROLLBACK, false)).contains("--on-resume=rollback")
                .noneMatch(a -> a.startsWith("--out"));
    }

    @Test
    void theAbortRollsBackTheSameState() {
        List<String> abort = CanaryArguments.abort(FILES, true);
        assertThat(abort).contains("--abort", "--state=/agent/ws@tmp/mlcicd/canary-canary-1a2b/state.json",
                "--plan=/agent/ws/deploy/canary.yaml").noneMatch(a -> a.startsWith("--on-resume"));
    }

    @Test
    void anInlinePlanIsAFileInTheWorkDirectory() {
        CanaryFiles inline = CanaryFiles.in("C:\\ws@tmp\\mlcicd\\canary-x\\", "\\", null);
        assertThat(inline.plan()).isEqualTo("C:\\ws@tmp\\mlcicd\\canary-x\\plan.yaml");
        assertThat(inline.state()).isEqualTo("C:\\ws@tmp\\mlcicd\\canary-x\\state.json");
    }

    @Test
    void noSecretIsOnTheCommandLineOrInTheScriptOnlyTheSecretsFilesPath() {
        String token = "Bearer s3cr3t-token";
        Map<String, String> env = Map.of("PATH", "/usr/bin", Secrets.FILE_ENV, "/agent/ws@tmp/mlcicd/canary-canary-1a2b/secrets.json");
        List<String> command = EngineCommand.build(env, "/", ":", List.of("/cache/a.jar"), "/agent/ws@tmp/mlcicd/canary-canary-1a2b",
                CanaryArguments.rollout(FILES, OnResume.CONTINUE, true));
        String script = ShellScript.exec(command);
        assertThat(script).doesNotContain(token).doesNotContain("s3cr3t").doesNotContain("secrets.json");
        assertThat(command).allMatch(word -> !word.contains("s3cr3t"));
    }

    @Test
    void theScriptExecsTheJvmWithEveryWordIntactInAPosixShell(@TempDir Path dir) throws Exception {
        List<String> words = List.of("printf", "[%s]\\n", "a b", "it's", "$HOME", "`id`", "\"q\"", "", "--plan=/w s/p.yaml");
        Path script = dir.resolve("script.sh");
        Files.writeString(script, ShellScript.exec(words), StandardCharsets.UTF_8);
        assertThat(Files.readString(script)).startsWith("#!/bin/sh\nexec 'printf' ");
        Process process = new ProcessBuilder("/bin/sh", script.toString()).redirectErrorStream(true).start();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        List<String> expected = new ArrayList<>();
        for (String word : words.subList(2, words.size())) {
            expected.add("[" + word + "]");
        }
        assertThat(out.lines()).containsExactlyElementsOf(expected);
    }

    @Test
    void quotingOnlyTouchesTheQuote() throws IOException {
        assertThat(ShellScript.quote("it's")).isEqualTo("'it'\\''s'");
        assertThat(ShellScript.quote("a b")).isEqualTo("'a b'");
    }
}
