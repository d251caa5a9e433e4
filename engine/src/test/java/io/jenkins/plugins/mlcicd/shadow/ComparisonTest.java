package io.jenkins.plugins.mlcicd.shadow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.jenkins.plugins.mlcicd.stats.Histograms;
import io.jenkins.plugins.mlcicd.stats.KolmogorovSmirnov;
import io.jenkins.plugins.mlcicd.stats.Psi;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ComparisonTest {
    private static Answer ok(double score) {
        return Answer.scored(score, null, 1000);
    }

    @Test
    void agreementAndScoreDifferencesAreExact() {
        Comparison comparison = new Comparison(0.5, 1000, 3, false);
        comparison.add("a", null, ok(0.2), ok(0.3));
        comparison.add("b", null, ok(0.45), ok(0.55));
        comparison.add("c", null, ok(0.9), ok(0.5));
        comparison.add("d", null, ok(0.7), Answer.failed(ErrorKind.TIMEOUT, -1));
        assertThat(comparison.pairs()).isEqualTo(4);
        assertThat(comparison.compared()).isEqualTo(3);
        // b crosses the threshold; c stays positive (0.5 >= 0.5)
        assertThat(comparison.disagreements()).isEqualTo(1);
        assertThat(comparison.agreement()).isCloseTo(2 / 3.0, within(1e-15));
        assertThat(comparison.meanAbsDifference()).isCloseTo((0.1 + 0.1 + 0.4) / 3, within(1e-12));
        assertThat(comparison.maxAbsDifference()).isCloseTo(0.4, within(1e-12));
        assertThat(comparison.worst()).extracting(Comparison.Sample::id).containsExactly("b", "c", "a");
    }

    @Test
    void decisionsFromResponsesWinOverTheThreshold() {
        Comparison comparison = new Comparison(0.5, 1000, 3, false);
        comparison.add("a", null, Answer.scored(0.9, "cat", 1), Answer.scored(0.9, "dog", 1));
        comparison.add("b", null, Answer.scored(0.1, "cat", 1), Answer.scored(0.9, "cat", 1));
        assertThat(comparison.disagreements()).isEqualTo(1);
        assertThat(comparison.worst().get(0).candidateDecision()).isEqualTo("dog");
        assertThat(comparison.worst().get(0).disagree()).isTrue();
    }

    @Test
    void driftMeasuresAreThoseOfStatsOnTheScores() {
        Comparison comparison = new Comparison(0.5, 100_000, 0, false);
        Random random = new Random(3);
        double[] b = new double[5000];
        double[] c = new double[5000];
        for (int i = 0; i < b.length; i++) {
            b[i] = random.nextDouble();
            c[i] = Math.min(1, b[i] * 1.2);
            comparison.add("r" + i, null, ok(b[i]), ok(c[i]));
        }
        Comparison.Drift drift = comparison.drift();
        double[] edges = Histograms.decileEdges(b);
        assertThat(drift.psi()).isCloseTo(Psi.ofCounts(Histograms.counts(b, edges), Histograms.counts(c, edges)), within(1e-12));
        assertThat(drift.ks()).isCloseTo(KolmogorovSmirnov.twoSample(b, c).statistic(), within(1e-12));
        assertThat(drift.sampled()).isFalse();
        assertThat(drift.psi()).isGreaterThan(0.01);
    }

    @Test
    void theReservoirStaysBoundedAndUniform() {
        Comparison comparison = new Comparison(0.5, 1000, 5, false);
        for (int i = 0; i < 200_000; i++) {
            double score = (i % 1000) / 1000.0;
            comparison.add("r" + i, null, ok(score), ok(score));
        }
        Comparison.Drift drift = comparison.drift();
        assertThat(drift.sampleSize()).isEqualTo(1000);
        assertThat(drift.sampled()).isTrue();
        assertThat(comparison.sampledBaseline()).hasSize(1000);
        // a uniform sample of a uniform grid has a mean near 0.5
        double mean = java.util.Arrays.stream(comparison.sampledBaseline()).average().orElseThrow();
        assertThat(mean).isCloseTo(0.5, within(0.05));
        assertThat(comparison.meanBaselineScore()).isCloseTo(0.4995, within(1e-9));
        assertThat(drift.psi()).isCloseTo(0, within(1e-12));
    }

    @Test
    void slicesArePooledBeyondTheLimit() {
        Comparison comparison = new Comparison(0.5, 1000, 0, true);
        for (int i = 0; i < Comparison.MAX_SLICES + 50; i++) {
            comparison.add("r" + i, "user" + i, ok(0.1), ok(0.2));
        }
        assertThat(comparison.slices()).hasSize(Comparison.MAX_SLICES + 1);
        assertThat(comparison.slices().get(Comparison.OTHER_SLICE).compared()).isEqualTo(50);
    }

    @Test
    void nothingComparedIsNaNNeverZero() {
        Comparison comparison = new Comparison(0.5, 1000, 0, false);
        comparison.add("a", null, Answer.failed(ErrorKind.CONNECT, -1), ok(0.1));
        assertThat(comparison.agreement()).isNaN();
        assertThat(comparison.meanAbsDifference()).isNaN();
        assertThat(comparison.drift().psi()).isNaN();
    }
}
