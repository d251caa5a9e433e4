package io.jenkins.plugins.mlcicd.jenkins.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlcicd.eval.EvaluationDocument;
import io.jenkins.plugins.mlcicd.eval.EvaluationRequest;
import io.jenkins.plugins.mlcicd.eval.Evaluator;
import io.jenkins.plugins.mlcicd.eval.Task;
import io.jenkins.plugins.mlcicd.jenkins.common.Fact;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the build page and build.xml keep of a real evaluation. */
class EvaluationActionTest {
    static final String PREDICTIONS = """
            is_fraud,score,country
            1,0.9,DE
            0,0.1,DE
            1,0.8,DE
            0,0.2,DE
            1,0.7,US
            0,0.6,US
            1,0.4,US
            0,0.3,US
            """;

    @TempDir
    Path dir;

    @Test
    void headlineAndFacts() throws IOException {
        Path file = Files.writeString(dir.resolve("predictions.csv"), PREDICTIONS);
        ResultDocument document = EvaluationDocument.of(Evaluator.evaluate(new EvaluationRequest(file, "is_fraud", "score", Task.BINARY,
                0.5, List.of("country"), null, null, null, null, 0, 0, null, false)), Instant.now());
        EvaluateRequest request = new EvaluateRequest("out/predictions.csv", "is_fraud", "score");

        EvaluationAction action = new EvaluationAction("eval", document, request, null);

        assertThat(action.getVerdict()).isEqualTo(Verdict.PASSED);
        assertThat(action.getUrlName()).isEqualTo("mlcicd-evaluation-eval");
        assertThat(action.getDisplayName()).isEqualTo("ML evaluation (eval)");
        assertThat(action.getHeadline()).containsOnlyKeys("auc", "log_loss", "calibration_slope");
        assertThat(action.getHeadlineFacts()).extracting(Fact::getLabel)
                .containsExactly("auc", "log_loss", "calibration_slope", "worst slice");
        assertThat(action.getHeadlineFacts().get(3).getText()).isEqualTo("country=US (auc 0.75)");
        assertThat(action.getFacts()).extracting(Fact::getText).containsExactly(
                "out/predictions.csv (label is_fraud, score score)",
                "none: no earlier successful build recorded evaluation 'eval'");
        assertThat(action.getReferenceBuild()).isNull();

        EvaluationReference.Found reference = new EvaluationReference.Found(dir.resolve("result.json"), "p#3", "#3", "p #3");
        EvaluationAction compared = new EvaluationAction("eval", document, request, reference);
        assertThat(compared.getReferenceBuildName()).isEqualTo("#3");
        assertThat(compared.getReferenceBuildId()).isEqualTo("p#3");
    }
}
