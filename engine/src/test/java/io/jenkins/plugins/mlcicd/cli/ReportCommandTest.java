package io.jenkins.plugins.mlcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    @TempDir
    Path dir;

    @Test
    void rendersAStoredGateResultAndExitsWithItsVerdict() throws Exception {
        Path gate = dir.resolve("gate.json");
        MainTest.Run gated = MainTest.run("gate", "--policy", "../examples/gate/policy.yaml",
                "--candidate", "../examples/gate/candidate.json", "--out", gate.toString());
        assertThat(gated.exitCode()).isEqualTo(4);

        MainTest.Run report = MainTest.run("report", gate.toString(), "--html", dir.resolve("gate.html").toString());

        assertThat(report.exitCode()).isEqualTo(4);
        assertThat(report.out()).startsWith("INCONCLUSIVE: no baseline");
        assertThat(Files.readString(dir.resolve("gate.html"))).startsWith("<!DOCTYPE html>").contains("auc vs baseline")
                .doesNotContain("<script");
    }

    @Test
    void aFileThatIsNoResultDocumentIsBadInput() throws Exception {
        MainTest.Run report = MainTest.run("report", "../examples/gate/candidate.json", "--html", dir.resolve("x.html").toString());
        assertThat(report.exitCode()).isEqualTo(2);
        assertThat(report.err()).contains("candidate.json: not a result document").doesNotContain("Exception");
    }
}
