package io.jenkins.plugins.mlcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlcicd.report.ResultDocumentJson;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command: the example pipeline runs end to end with real Python training. */
class DemoIT {
    @TempDir
    Path dir;

    @Test
    void theExamplePipelinePassesAndPromotesTheCandidate() throws Exception {
        Path example = Path.of("../examples/fraud").toAbsolutePath().normalize();
        MainTest.Run run = MainTest.run("demo", "--dir", dir.resolve("demo").toString(), "--example", example.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        Path reports = dir.resolve("demo/reports");
        for (String document : new String[] {"validate", "champion-lineage", "champion-eval", "candidate-lineage", "candidate-eval", "gate"}) {
            assertThat(ResultDocumentJson.read(reports.resolve(document + ".json")).verdict()).as(document).isEqualTo(Verdict.PASSED);
            assertThat(reports.resolve(document + ".html")).isNotEmptyFile();
        }
        assertThat(reports.resolve("gate.xml")).isNotEmptyFile();
        assertThat(Files.readString(dir.resolve("demo/registry/fraud-model/aliases.json"))).contains("champion");
        assertThat(run.out()).contains("PROMOTED");
    }
}
