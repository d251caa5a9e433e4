package io.jenkins.plugins.mlcicd.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlcicd.result.Check;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.ResultKind;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MarkdownReportTest {
    private static final Path GOLDEN = Path.of("src/test/resources/markdown");
    private static final String URL = "https://ci.example.org/job/fraud/42/mlcicd-gate-gate/";

    /** One golden file per kind: a change to the Markdown a pull request shows is a reviewed change. */
    @ParameterizedTest
    @EnumSource(ResultKind.class)
    void matchesTheGoldenFileOfItsKind(ResultKind kind) throws IOException {
        String markdown = MarkdownReport.render(sample(kind), URL);
        Path golden = GOLDEN.resolve(kind.id() + ".md");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, markdown, StandardCharsets.UTF_8);
        }
        assertThat(golden).as("golden file; regenerate with -Dgolden.update=true and review the diff").exists();
        assertThat(markdown).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    @Test
    void userStringsStayTextWhateverTheyHold() {
        List<String> hostile = List.of("[click](javascript:alert(1))", "![x](https://evil.example/p.png)", "<img src=x onerror=alert(1)>",
                "<script>alert(1)</script>", "a | b", "**bold** _it_ `code`", "https://evil.example/x", "www.evil.example",
                "mail@evil.example", "line\nbreak", "0.1\u202E", "# heading");
        for (String text : hostile) {
            Check check = new Check(text, Verdict.FAILED, 0.1, null, null, text, text, Map.of());
            String md = MarkdownReport.render(doc(ResultKind.GATE, text, List.of(check)), null);
            assertThat(md).as(text).doesNotContain("](").doesNotContain("<img").doesNotContain("<script").doesNotContain("\u202E")
                    .doesNotContain("https://evil").doesNotContain("www.evil").doesNotContain("mail@evil")
                    .doesNotContain("**bold**");
            // one table row per check: a pipe or line break in a name cannot add cells or rows
            assertThat(md.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| Check")).count()).as(text).isEqualTo(1);
        }
        assertThat(Markdown.escape("0.1\u202E")).isEqualTo("0.1\\[U+202E\\]");
    }

    @Test
    void failuresComeFirstAndEmptyColumnsAreLeftOut() {
        List<Check> checks = List.of(Check.of("rows", Verdict.PASSED, 10.0, "≥ 1", "10 rows"),
                Check.of("amount.nulls", Verdict.FAILED, 3.0, "0", "3 nulls"),
                Check.of("drift", Verdict.INCONCLUSIVE, null, null, "no reference"));
        String md = MarkdownReport.render(doc(ResultKind.DATA_VALIDATION, "1 failed", checks), null);
        assertThat(md).doesNotContain("Baseline").doesNotContain("Delta").contains("Threshold");
        assertThat(md.indexOf("| amount.nulls")).isPositive().isLessThan(md.indexOf("| drift"));
        assertThat(md.indexOf("| drift")).isLessThan(md.indexOf("| rows"));
        assertThat(md).doesNotContain("Full report");
    }

    @Test
    void onlyHttpLinks() {
        assertThatThrownBy(() -> MarkdownReport.render(doc(ResultKind.GATE, "x", List.of()), "javascript:alert(1)"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(MarkdownReport.render(doc(ResultKind.GATE, "x", List.of()), "https://ci/job/a (b)/1/"))
                .contains("[Full report](https://ci/job/a%20%28b%29/1/)");
    }

    static ResultDocument doc(ResultKind kind, String summary, List<Check> checks) {
        return new ResultDocument(kind, Verdict.worstOf(checks.stream().map(Check::verdict).toList()), summary,
                Instant.parse("2026-12-07T10:00:00Z"), 1234, checks, JsonNodeFactory.instance.objectNode());
    }

    /** A small, typical document of each kind. */
    static ResultDocument sample(ResultKind kind) {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        List<Check> checks = switch (kind) {
            case DATA_VALIDATION -> List.of(Check.of("rows", Verdict.PASSED, 2000.0, "[1000, 10000000]", "2000 rows"),
                    Check.of("amount.min", Verdict.FAILED, -5.0, "≥ 0", "9 values below 0, e.g. row 17: -5"),
                    Check.of("amount.drift", Verdict.WARNING, 0.23, "psi < 0.2", "psi 0.23 vs the reference"));
            case TRAINING -> List.of(Check.of("command", Verdict.PASSED, 0.0, "exit 0", "the training command exited with 0"),
                    Check.of("registry", Verdict.PASSED, null, null, "registered fraud-model v2"));
            case EVALUATION -> {
                ObjectNode slices = fields.putObject("slices");
                slices.putObject("foreign=0").put("auc", 0.86).put("log_loss", 0.41).put("count", 700);
                slices.putObject("foreign=1").put("auc", 0.74).put("log_loss", 0.55).put("count", 100);
                slices.putObject("country=<DE>").put("auc", 0.80).put("log_loss", 0.47).put("count", 120);
                yield List.of(Check.of("auc", Verdict.PASSED, 0.8489, null, "auc 0.8489"),
                        Check.of("calibration_slope", Verdict.PASSED, 1.01, null, "calibration slope 1.01"));
            }
            case GATE -> List.of(new Check("auc vs baseline", Verdict.PASSED, 0.917, 0.912, 0.005, "≥ +0.005",
                            "auc 0.917 vs baseline 0.912: +0.005, needs ≥ +0.005", Map.of()),
                    new Check("log_loss", Verdict.FAILED, 0.43, 0.42, 0.01, "≤ baseline − 0.01", "log_loss rose by 0.01", Map.of()),
                    Check.of("recall[foreign=1]", Verdict.WARNING, 0.58, "≥ 0.6", "recall 0.58 on foreign=1"));
            case SHADOW -> List.of(Check.of("candidate.errorRate", Verdict.PASSED, 0.001, "≤ 0.01", "0.1% errors"),
                    new Check("candidate.latencyP95", Verdict.PASSED, 12.5, 11.9, 0.6, "≤ 50 ms", "p95 12.5 ms vs 11.9 ms", Map.of()),
                    Check.of("agreement", Verdict.WARNING, 0.97, "≥ 0.99", "the models agree on 97% of requests"));
            case CANARY -> List.of(Check.of("latencyP95", Verdict.FAILED, 0.081, "≤ 0.05", "canary p95 81 ms over 50 ms: rolled back"),
                    Check.of("errorRate", Verdict.PASSED, 0.002, "≤ 0.01", "0.2% errors"));
            case PROMOTION -> List.of(new Check("gate", Verdict.PASSED, null, null, null, "PASSED or WARNING",
                    "the gate 'gate' of this build allows the promotion", Map.of("gateVerdict", "PASSED")));
        };
        return new ResultDocument(kind, Verdict.worstOf(checks.stream().map(Check::verdict).toList()),
                kind.id() + " sample: " + checks.size() + " checks", Instant.parse("2026-12-07T10:00:00Z"), 1234, checks, fields);
    }
}
