package io.jenkins.plugins.mlcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlcicd.report.ResultDocumentJson;
import io.jenkins.plugins.mlcicd.result.Check;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of the bad-input corpus (engine/src/test/resources/data/bad, listed in cases.tsv) goes
 * through {@code mlcicd validate} and must end in a one-line error with exit 2 or in the right
 * violation — never a stack trace, never a pass.
 */
class BadInputCorpusTest {
    @TempDir
    Path temp;

    static Path corpus() throws URISyntaxException {
        return Path.of(BadInputCorpusTest.class.getResource("/data/bad/cases.tsv").toURI()).getParent();
    }

    static Stream<Arguments> cases() throws IOException, URISyntaxException {
        return Files.readAllLines(corpus().resolve("cases.tsv"), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("\t"))
                .map(f -> Arguments.of(f[0], f[1], f[2]));
    }

    @Test
    void corpusHasAtLeastThirtyFilesAndEveryFileIsListed() throws Exception {
        List<String> listed = cases().map(a -> (String) a.get()[0]).toList();
        assertThat(listed).hasSizeGreaterThanOrEqualTo(30).doesNotHaveDuplicates();
        try (Stream<Path> files = Files.list(corpus())) {
            List<String> present = files.map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith("_") && !n.equals("cases.tsv"))
                    .toList();
            assertThat(listed).containsExactlyInAnyOrderElementsOf(present);
        }
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("cases")
    void badInputYieldsAClearErrorOrTheRightViolation(String file, String expectation, String message) throws Exception {
        Path dir = corpus();
        Path out = temp.resolve("result.json");
        String[] args;
        if (file.startsWith("contract-")) {
            args = new String[] {"validate", "--contract", dir.resolve(file).toString(), "--data", dir.resolve("_good.csv").toString(),
                "--out", out.toString()};
        } else if (file.startsWith("profile-")) {
            args = new String[] {"validate", "--contract", dir.resolve("_contract.yaml").toString(), "--data",
                dir.resolve("_good.csv").toString(), "--reference-profile", dir.resolve(file).toString(), "--out", out.toString()};
        } else {
            args = new String[] {"validate", "--contract", dir.resolve("_contract.yaml").toString(), "--data",
                dir.resolve(file).toString(), "--out", out.toString()};
        }
        MainTest.Run run = MainTest.run(args);
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("internal error");
        if (expectation.equals("error")) {
            assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.EXIT_BAD_INPUT);
            assertThat(run.err().strip().lines()).hasSize(1);
            assertThat(run.err()).contains(message);
            assertThat(out).doesNotExist();
            return;
        }
        String[] parts = expectation.split(":");
        Verdict verdict = Verdict.valueOf(parts[2]);
        assertThat(run.exitCode()).as(run.err() + run.out()).isEqualTo(Verdict.FAILED == verdict ? 1 : verdict.exitCode());
        ResultDocument document = ResultDocumentJson.read(out);
        assertThat(document.checks()).filteredOn(c -> c.name().equals(parts[1]))
                .as("check %s", parts[1])
                .isNotEmpty()
                .allMatch(c -> c.verdict() == verdict);
        Check check = document.checks().stream().filter(c -> c.name().equals(parts[1])).findFirst().orElseThrow();
        assertThat(Files.readString(out)).contains(message);
        if (verdict == Verdict.FAILED && check.details().containsKey("samples")) {
            assertThat((List<?>) check.details().get("samples")).isNotEmpty().hasSizeLessThanOrEqualTo(5);
        }
    }
}
