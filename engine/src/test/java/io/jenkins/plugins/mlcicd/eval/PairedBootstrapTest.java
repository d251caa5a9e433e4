package io.jenkins.plugins.mlcicd.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlcicd.report.ResultDocumentJson;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PairedBootstrapTest {
    private static JsonNode evaluate(double[] y, double[] p, long[] keys, long seed) {
        PredictionTable table = new PredictionTable("t", y.length, 0, Map.of(), y, p, keys, List.of(), null, null);
        EvaluationRequest request = new EvaluationRequest(Path.of("t.csv"), "y", "p", Task.BINARY, 0.5, List.of(), null,
                null, null, null, 200, seed, "id", false);
        return ResultDocumentJson.toJson(EvaluationDocument.of(Evaluator.evaluate(request, table), Instant.now()));
    }

    @Test
    void aClearlyBetterModelHasAPairedIntervalAboveZeroAndANoisyCopyDoesNot() {
        Random random = new Random(1);
        int n = 3000;
        double[] y = new double[n];
        double[] weak = new double[n];
        double[] strong = new double[n];
        double[] weakAgain = new double[n];
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            y[i] = random.nextDouble() < 0.4 ? 1 : 0;
            double noise = random.nextGaussian();
            weak[i] = 1 / (1 + Math.exp(-(noise + 0.8 * (y[i] - 0.5))));
            strong[i] = 1 / (1 + Math.exp(-(noise + 1.6 * (y[i] - 0.5))));
            weakAgain[i] = 1 / (1 + Math.exp(-(noise + 0.8 * (y[i] - 0.5) + 0.01 * random.nextGaussian())));
            keys[i] = 1000 + i;
        }
        JsonNode baseline = evaluate(y, weak, keys, 7);
        PairedBootstrap.Difference better = PairedBootstrap.compare(evaluate(y, strong, keys, 7), baseline, "auc", 0.95);
        assertThat(better.comparable()).isTrue();
        assertThat(better.difference()).isPositive();
        assertThat(better.interval().lower()).isPositive();
        assertThat(better.replicates()).isEqualTo(200);
        PairedBootstrap.Difference same = PairedBootstrap.compare(evaluate(y, weakAgain, keys, 7), baseline, "auc", 0.95);
        assertThat(same.interval().lower()).isNegative();
        assertThat(same.interval().upper()).isPositive();
        // Pairing makes the interval of a difference much narrower than either model's own interval.
        double ownWidth = baseline.path("intervals").path("auc").path("upper").asDouble()
                - baseline.path("intervals").path("auc").path("lower").asDouble();
        assertThat(same.interval().upper() - same.interval().lower()).isLessThan(ownWidth / 5);
    }

    @Test
    void theMinimumReplicatesLeaveFiveBeyondEachEndOfTheInterval() {
        assertThat(PairedBootstrap.minimumReplicates(0.95)).isEqualTo(200);
        assertThat(PairedBootstrap.minimumReplicates(0.99)).isEqualTo(1000);
        assertThat(PairedBootstrap.minimumReplicates(0.9)).isEqualTo(100);
        assertThat(PairedBootstrap.minimumReplicates(0.5)).isEqualTo(20);
    }

    @Test
    void aDocumentHoldingFewerSamplesThanItDeclaresIsNotCompared() {
        double[] y = {1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0};
        double[] p = {0.9, 0.2, 0.6, 0.7, 0.3, 0.1, 0.8, 0.4, 0.7, 0.3, 0.6, 0.2};
        long[] keys = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        JsonNode base = evaluate(y, p, keys, 1);
        ObjectNode cut = (ObjectNode) evaluate(y, p, keys, 1).deepCopy();
        com.fasterxml.jackson.databind.node.ArrayNode samples = (com.fasterxml.jackson.databind.node.ArrayNode) cut.path("bootstrap")
                .path("samples").path("auc");
        while (samples.size() > 5) {
            samples.remove(samples.size() - 1);
        }
        assertThat(PairedBootstrap.compare(cut, base, "auc", 0.95).reason())
                .isEqualTo("the candidate's bootstrap declares 200 replicates but holds 5 samples of auc; the document is incomplete");
        ((ObjectNode) cut.path("bootstrap")).put("replicates", 5);
        ((ObjectNode) base.path("bootstrap")).put("replicates", 5);
        assertThat(PairedBootstrap.compare(cut, cut, "auc", 0.95).reason()).contains("only 5 paired replicates");
    }

    @Test
    void refusesToPairDifferentSeedsRowsOrMissingBootstrap() {
        double[] y = {1, 0, 1, 0, 1, 0};
        double[] p = {0.9, 0.2, 0.6, 0.7, 0.3, 0.1};
        JsonNode base = evaluate(y, p, new long[] {1, 2, 3, 4, 5, 6}, 1);
        assertThat(PairedBootstrap.compare(evaluate(y, p, new long[] {1, 2, 3, 4, 5, 6}, 2), base, "auc", 0.95).reason())
                .contains("bootstrap.seed differs");
        assertThat(PairedBootstrap.compare(evaluate(y, p, new long[] {1, 2, 3, 4, 5, 7}, 1), base, "auc", 0.95).reason())
                .contains("bootstrap.keyDigest differs");
        assertThat(PairedBootstrap.compare(base, base, "rmse", 0.95).reason()).contains("rmse is not in both");
        ObjectNode withoutBootstrap = (ObjectNode) base.deepCopy();
        withoutBootstrap.remove("bootstrap");
        assertThat(PairedBootstrap.compare(withoutBootstrap, base, "auc", 0.95).reason()).contains("need --bootstrap");
        // 6 rows: some replicates draw one class only, so fewer than the 200 a 95% interval needs pair up
        assertThat(PairedBootstrap.compare(base, base, "auc", 0.95).reason()).contains("a 95.0% interval needs at least 200");
        PairedBootstrap.Difference itself = PairedBootstrap.compare(base, base, "auc", 0.8);
        assertThat(itself.difference()).isZero();
        assertThat(itself.interval().lower()).isZero();
        assertThat(itself.interval().upper()).isZero();
    }
}
