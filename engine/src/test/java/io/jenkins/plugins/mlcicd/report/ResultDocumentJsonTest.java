package io.jenkins.plugins.mlcicd.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.input.Json;
import io.jenkins.plugins.mlcicd.input.StructuredFiles;
import io.jenkins.plugins.mlcicd.result.Check;
import io.jenkins.plugins.mlcicd.result.EngineVersion;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.ResultKind;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultDocumentJsonTest {
    @TempDir
    Path dir;

    private ResultDocument sample() {
        ObjectNode fields = Json.mapper().createObjectNode();
        fields.putObject("metrics").put("auc", 0.91);
        return new ResultDocument(ResultKind.EVALUATION, Verdict.WARNING, "auc 0.91", Instant.parse("2026-11-28T10:00:00Z"),
                1234, List.of(new Check("auc", Verdict.WARNING, 0.91, 0.92, -0.01, "≥ 0.92", "auc fell",
                        Map.of("slice", "country=DE"))), fields);
    }

    @Test
    void writesTheEnvelopeOfTheDesignAndFlattensKindFields() {
        JsonNode json = ResultDocumentJson.toJson(sample());
        assertThat(json.get("schema").asText()).isEqualTo("mlcicd/evaluation/v1");
        assertThat(json.get("kind").asText()).isEqualTo("evaluation");
        assertThat(json.get("verdict").asText()).isEqualTo("WARNING");
        assertThat(json.get("startedAt").asText()).isEqualTo("2026-11-28T10:00:00Z");
        assertThat(json.get("durationMs").asLong()).isEqualTo(1234);
        assertThat(json.get("mlcicdVersion").asText()).isEqualTo(EngineVersion.current()).doesNotContain("${").isNotEqualTo(EngineVersion.UNKNOWN);
        assertThat(json.at("/metrics/auc").asDouble()).isEqualTo(0.91);
        assertThat(json.at("/checks/0/details/slice").asText()).isEqualTo("country=DE");
    }

    @Test
    void roundTripsThroughAFile() {
        Path file = dir.resolve("sub/result.json");
        ResultDocumentJson.write(sample(), file);
        ResultDocument read = ResultDocumentJson.read(file);
        assertThat(read).usingRecursiveComparison().isEqualTo(sample());
        assertThat(read.fields().has("mlcicdVersion")).as("an envelope field, not a kind-specific one").isFalse();
        assertThat(StructuredFiles.readTree(file).get("metrics")).isNotNull();
    }

    @Test
    void keepsTheVersionThatWroteADocumentAndSaysWhenNoneWasRecorded() throws IOException {
        Path file = Files.writeString(dir.resolve("old.json"), "{\"schema\": \"mlcicd/gate/v1\", \"kind\": \"gate\", "
                + "\"verdict\": \"PASSED\", \"summary\": \"s\", \"startedAt\": \"2026-01-01T00:00:00Z\", \"checks\": [],"
                + " \"mlcicdVersion\": \"0.0.1\"}");
        assertThat(ResultDocumentJson.read(file).mlcicdVersion()).isEqualTo("0.0.1");
        assertThat(ResultDocumentJson.toJson(ResultDocumentJson.read(file)).get("mlcicdVersion").asText()).isEqualTo("0.0.1");
        Files.writeString(file, Files.readString(file).replace(", \"mlcicdVersion\": \"0.0.1\"", ""));
        assertThat(ResultDocumentJson.read(file).mlcicdVersion()).isEqualTo(ResultDocumentJson.VERSION_NOT_RECORDED);
    }

    @Test
    void rejectsAPlainJsonObject() throws IOException {
        Path file = Files.writeString(dir.resolve("m.json"), "{\"auc\": 0.9}");
        assertThatThrownBy(() -> ResultDocumentJson.read(file))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("not a result document");
    }

    @Test
    void htmlEscapesEverythingUserControlled() {
        ResultDocument doc = new ResultDocument(ResultKind.GATE, Verdict.FAILED, "<script>x</script>", Instant.EPOCH, 0,
                List.of(Check.of("a\"<b>", Verdict.FAILED, 1.0, "≥ 2", "bad & worse")), null);
        String html = HtmlReport.page(doc);
        assertThat(html).doesNotContain("<script>").doesNotContain("<b>")
                .contains("&lt;script&gt;").contains("a&quot;&lt;b&gt;").contains("bad &amp; worse");
    }
}
