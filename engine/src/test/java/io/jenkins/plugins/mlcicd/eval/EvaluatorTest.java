package io.jenkins.plugins.mlcicd.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Slices, top slices and the bootstrap: determinism, coverage, pairing by row key. */
class EvaluatorTest {
    private static EvaluationRequest request(List<String> slices, Integer topSlices, int bootstrap, long seed, String id) {
        return new EvaluationRequest(Path.of("t.csv"), "y", "p", Task.BINARY, 0.5, slices, topSlices, null, null, null,
                bootstrap, seed, id, false);
    }

    @Test
    void slicesCarryEveryMetricAndTheirCountLargestFirstWithOverall() {
        double[] y = {1, 0, 1, 0, 1, 1};
        double[] p = {0.9, 0.2, 0.6, 0.7, 0.3, 0.8};
        String[] country = {"DE", "DE", "FR", "FR", "FR", "US"};
        Evaluation e = Evaluator.evaluate(request(List.of("s0"), null, 0, 0, null),
                Tables.table(y, p, null, null, List.<String[]>of(country)));
        assertThat(e.slices().keySet()).containsExactly("overall", "s0=FR", "s0=DE", "s0=US");
        MetricValues fr = e.slices().get("s0=FR");
        assertThat(fr.count()).isEqualTo(3);
        // FR: positives {0.6, 0.3}, negative {0.7}: no pair concordant → auc 0
        assertThat(fr.get("auc")).isZero();
        assertThat(e.slices().get("s0=DE").get("auc")).isEqualTo(1);
        MetricValues us = e.slices().get("s0=US"); // a slice of one row works: defined metrics only
        assertThat(us.count()).isEqualTo(1);
        assertThat(us.get("brier")).isCloseTo(0.04, within(1e-15));
        assertThat(us.undefined()).containsKey("auc");
        assertThat(e.overall().values()).isEqualTo(e.slices().get("overall").values());

        Evaluation top = Evaluator.evaluate(request(List.of("s0"), 1, 0, 0, null),
                Tables.table(y, p, null, null, List.<String[]>of(country)));
        assertThat(top.slices().keySet()).containsExactly("overall", "s0=FR");
        assertThat(top.slicesOmitted()).isEqualTo(2);
    }

    @Test
    void bootstrapIsDeterministicForASeedAndCoversThePointEstimate() {
        PredictionTable table = random(2000, 11);
        BootstrapResult first = Evaluator.evaluate(request(List.of(), null, 200, 5, null), table).bootstrap();
        BootstrapResult again = Evaluator.evaluate(request(List.of(), null, 200, 5, null), table).bootstrap();
        BootstrapResult other = Evaluator.evaluate(request(List.of(), null, 200, 6, null), table).bootstrap();
        assertThat(again.intervals()).isEqualTo(first.intervals());
        assertThat(other.intervals().get("auc")).isNotEqualTo(first.intervals().get("auc"));
        assertThat(first.intervals()).doesNotContainKeys("count", "positives").containsKeys("auc", "log_loss", "calibration_slope");
        MetricValues overall = Evaluator.evaluate(request(List.of(), null, 0, 0, null), table).overall();
        first.intervals().forEach((metric, interval) -> {
            assertThat(interval.lower()).as(metric).isLessThanOrEqualTo(overall.get(metric));
            assertThat(interval.upper()).as(metric).isGreaterThanOrEqualTo(overall.get(metric));
        });
        // The width of the AUC interval is about 2·1.96·SE; SE of an AUC near 0.8 over 2000 rows is ≈ 0.01.
        double width = first.intervals().get("auc").upper() - first.intervals().get("auc").lower();
        assertThat(width).isBetween(0.02, 0.07);
        assertThat(first.samples().get("auc")).hasSize(200);
        assertThat(first.undefinedReplicates().get("auc")).isZero();
    }

    @Test
    void rowIdsKeyTheResamplingSoShuffledCopiesPairUp() {
        PredictionTable table = random(500, 3);
        int n = table.size();
        int[] shuffle = new int[n];
        for (int i = 0; i < n; i++) {
            shuffle[i] = (i * 7 + 3) % n; // a permutation (gcd(7, 500) = 1)
        }
        double[] y = new double[n];
        double[] p = new double[n];
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            y[i] = table.label()[shuffle[i]];
            p[i] = table.score()[shuffle[i]];
            keys[i] = table.rowKey()[shuffle[i]];
        }
        PredictionTable shuffled = new PredictionTable("t", n, 0, java.util.Map.of(), y, p, keys, List.of(), null, null);
        BootstrapResult a = Evaluator.evaluate(request(List.of(), null, 50, 9, "id"), table).bootstrap();
        BootstrapResult b = Evaluator.evaluate(request(List.of(), null, 50, 9, "id"), shuffled).bootstrap();
        assertThat(b.keyDigest()).isEqualTo(a.keyDigest());
        assertThat(b.samples().get("auc")).containsExactly(a.samples().get("auc"));
        assertThat(b.samples().get("log_loss")).containsExactly(a.samples().get("log_loss"), within(1e-12));
        assertThat(a.rowKey()).isEqualTo("id:id");
    }

    private static PredictionTable random(int n, long seed) {
        Random random = new Random(seed);
        double[] y = new double[n];
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = random.nextDouble() < 0.4 ? 1 : 0;
            p[i] = 1 / (1 + Math.exp(-(random.nextGaussian() + 1.8 * (y[i] - 0.5))));
        }
        return Tables.table(y, p);
    }
}
