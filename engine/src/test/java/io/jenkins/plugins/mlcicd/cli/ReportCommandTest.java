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

    @Test
    void printsMarkdownForAPullRequestWithALinkToTheFullReport() throws Exception {
        Path gate = dir.resolve("gate.json");
        MainTest.run("gate", "--policy", "../examples/gate/policy.yaml", "--candidate", "../examples/gate/candidate.json",
                "--out", gate.toString());

        MainTest.Run report = MainTest.run("report", gate.toString(), "--markdown", "-", "--link", "https://ci.example.org/job/x/1/");

        assertThat(report.exitCode()).isEqualTo(4);
        assertThat(report.out()).startsWith("**INCONCLUSIVE** no baseline").contains("| Check | Verdict |")
                .endsWith("[Full report](https://ci.example.org/job/x/1/)\n");
        MainTest.Run toFile = MainTest.run("report", gate.toString(), "--markdown", dir.resolve("gate.md").toString());
        assertThat(Files.readString(dir.resolve("gate.md"))).startsWith("**INCONCLUSIVE**");
        assertThat(toFile.out()).startsWith("INCONCLUSIVE: ");
    }

    @Test
    void needsAnOutputAndAnHttpLink() {
        assertThat(MainTest.run("report", "x.json").err()).contains("give --html FILE, --markdown FILE");
        MainTest.Run badLink = MainTest.run("report", "x.json", "--markdown", "-", "--link", "javascript:alert(1)");
        assertThat(badLink.exitCode()).isEqualTo(2);
        assertThat(badLink.err()).contains("not an http(s) URL");
    }
}
