package io.jenkins.plugins.mlcicd.jenkins.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlcicd.jenkins.common.EngineCache;
import io.jenkins.plugins.mlcicd.jenkins.common.EngineCommand;
import io.jenkins.plugins.mlcicd.jenkins.common.EngineExit;
import io.jenkins.plugins.mlcicd.jenkins.common.EngineJars;
import io.jenkins.plugins.mlcicd.jenkins.common.EngineResults;
import io.jenkins.plugins.mlcicd.result.Check;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.ResultKind;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mlSkew's arguments run the real engine JVM as on an agent: the same document as mlcicd skew. */
class SkewEngineIT {
    @TempDir
    Path agent;

    @Test
    void oneDifferingFeatureFailsTheOtherPasses() throws Exception {
        Path workspace = Files.createDirectories(agent.resolve("workspace/p"));
        Path cache = Files.createDirectories(agent.resolve("caches").resolve(EngineCache.DIRECTORY));
        List<String> classpath = new ArrayList<>();
        for (EngineJars.Located jar : EngineJars.locate(SkewEngineIT.class.getClassLoader())) {
            String part = EngineCache.partName(jar.jar());
            Files.copy(jar.file(), Files.createDirectories(cache.resolve(jar.jar().sha256())).resolve(part));
            EngineCache.install(cache, part, jar.jar());
            classpath.add(EngineCache.location(cache, jar.jar()).toString());
        }
        Files.writeString(workspace.resolve("training.csv"), "request_id;amount;country\n1;10.0;DE\n2;20.0;FR\n3;30.0;US\n",
                StandardCharsets.UTF_8);
        Files.writeString(workspace.resolve("serving.csv"), "request_id;amount;country\n1;10.0000000001;DE\n2;20.0;FR\n3;30.0;GB\n",
                StandardCharsets.UTF_8);
        SkewRequest request = new SkewRequest("training.csv", "serving.csv", "request_id", List.of("amount", "country"), 1e-6, null,
                new CsvFormat(";", null, true)).validated("mlSkew");
        Path work = Files.createDirectories(agent.resolve("workspace/p@tmp/mlcicd/skew"));
        List<String> arguments = new ArrayList<>(request.cliArguments());
        arguments.add("--out=" + work.resolve("result.json"));
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = EngineCommand.build(Map.of(EngineCommand.JAVA_ENV, java, EngineCommand.JAVA_OPTS_ENV, "-Xmx256m"),
                File.separator, File.pathSeparator, classpath, work.toString(), arguments);
        Process process = new ProcessBuilder(command).directory(workspace.toFile())
                .redirectError(work.resolve("stderr.txt").toFile()).redirectOutput(work.resolve("stdout.txt").toFile()).start();
        int exitCode = process.waitFor();

        assertThat(EngineExit.of(exitCode)).as(Files.readString(work.resolve("stderr.txt"))).isEqualTo(EngineExit.RESULT);
        ResultDocument document = EngineResults.parse("result.json", Files.readString(work.resolve("result.json")), exitCode);
        assertThat(exitCode).isEqualTo(1);
        assertThat(document.kind()).isEqualTo(ResultKind.DATA_VALIDATION);
        assertThat(document.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(document.fields().path("key").asText()).isEqualTo("request_id");
        List<String> failed = document.checks().stream().filter(c -> c.verdict() == Verdict.FAILED).map(Check::name).toList();
        assertThat(failed).anyMatch(name -> name.startsWith("country")).noneMatch(name -> name.startsWith("amount"));
    }
}
