package io.jenkins.plugins.mlcicd.jenkins.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.input.Json;
import io.jenkins.plugins.mlcicd.report.ResultDocumentJson;
import io.jenkins.plugins.mlcicd.result.Check;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.ResultKind;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineResultsTest {
    private static String document(Verdict verdict) {
        return ResultDocumentJson.toJsonString(new ResultDocument(ResultKind.DATA_VALIDATION, verdict, "s", Instant.EPOCH, 5,
                List.of(Check.of("rows", verdict, 10.0, null, "m")), Json.mapper().createObjectNode()));
    }

    @Test
    void theDocumentMustAgreeWithTheExitCode() {
        assertThat(EngineResults.parse("result.json", document(Verdict.FAILED), 1).verdict()).isEqualTo(Verdict.FAILED);
        assertThat(EngineResults.parse("result.json", document(Verdict.INCONCLUSIVE), 4).checks()).hasSize(1);

        assertThatThrownBy(() -> EngineResults.parse("result.json", document(Verdict.PASSED), 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exit code 1 but its result says PASSED");
    }

    @Test
    void somethingElseIsNotAResult() {
        assertThatThrownBy(() -> EngineResults.parse("result.json", "{\"auc\": 1}", 0))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("not a result document");
    }
}
