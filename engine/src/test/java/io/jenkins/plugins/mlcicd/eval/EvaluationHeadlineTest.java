package io.jenkins.plugins.mlcicd.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlcicd.report.EvaluationComparisonHtml;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The headline numbers of real evaluations: the worst slice is the one with the lowest AUC (highest RMSE). */
class EvaluationHeadlineTest {
    /** DE ranks perfectly (auc 1), US has one inversion (auc 0.75). */
    static final String PREDICTIONS = """
            y,p,country
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

    static ResultDocument evaluate(Path dir, String csv, Task task, List<String> slices) throws IOException {
        Path file = Files.writeString(dir.resolve("p-" + System.nanoTime() + ".csv"), csv);
        EvaluationRequest request = new EvaluationRequest(file, "y", "p", task, 0.5, slices, null, null, null, null, 0, 0, null, false);
        return EvaluationDocument.of(Evaluator.evaluate(request), Instant.now());
    }

    @Test
    void binaryHeadlineAndWorstSliceByAuc() throws IOException {
        ResultDocument document = evaluate(dir, PREDICTIONS, Task.BINARY, List.of("country"));

        EvaluationHeadline headline = EvaluationHeadline.of(document);

        assertThat(headline.metrics()).containsOnlyKeys("auc", "log_loss", "calibration_slope");
        assertThat(headline.metrics().keySet()).containsExactly("auc", "log_loss", "calibration_slope");
        assertThat(headline.metrics().get("auc")).isEqualTo(document.fields().path("metrics").path("auc").asDouble());
        assertThat(headline.worstSlice()).isEqualTo("country=US");
        assertThat(headline.worstMetric()).isEqualTo("auc");
        assertThat(headline.worstValue()).isEqualTo(0.75);
    }

    @Test
    void regressionHeadlineAndWorstSliceByRmse() throws IOException {
        ResultDocument document = evaluate(dir, """
                y,p,country
                1.0,1.0,DE
                2.0,2.0,DE
                1.0,3.0,US
                2.0,2.0,US
                """, Task.REGRESSION, List.of("country"));

        EvaluationHeadline headline = EvaluationHeadline.of(document);

        assertThat(headline.metrics().keySet()).containsExactly("rmse", "mae", "r2");
        assertThat(headline.worstSlice()).isEqualTo("country=US");
        assertThat(headline.worstMetric()).isEqualTo("rmse");
        assertThat(headline.worstValue()).isEqualTo(Math.sqrt(2.0));
    }

    @Test
    void anUndefinedMetricIsAbsentNotZeroAndNoSlicesMeansNoWorstSlice() throws IOException {
        // one class only: auc and the calibration slope are undefined
        ResultDocument document = evaluate(dir, "y,p\n1,0.9\n1,0.8\n", Task.BINARY, List.of());

        EvaluationHeadline headline = EvaluationHeadline.of(document);

        assertThat(headline.metrics()).doesNotContainKey("auc").containsKey("log_loss");
        assertThat(headline.worstSlice()).isNull();
        assertThat(headline.worstValue()).isNull();
    }

    @Test
    void comparisonListsBothDocumentsMetricsSideBySide() throws IOException {
        ResultDocument candidate = evaluate(dir, PREDICTIONS, Task.BINARY, List.of());
        ResultDocument reference = evaluate(dir, PREDICTIONS.replace("0.6,US", "0.65,US").replace("0.4,US", "0.35,US"), Task.BINARY, List.of());

        String html = EvaluationComparisonHtml.fragment(candidate, reference, "build #3 <b>");

        assertThat(html).contains("Compared with build #3 &lt;b&gt;", "<td>auc</td>", "<td>log_loss</td>", "mlcicd-comparison-table");
        assertThat(html).doesNotContain("<b>", "style=", "<script");
        assertThat(EvaluationComparisonHtml.fragment(candidate, null, "build #3")).doesNotContain("mlcicd-comparison");
    }
}
