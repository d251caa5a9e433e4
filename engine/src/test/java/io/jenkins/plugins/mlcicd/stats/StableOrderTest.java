package io.jenkins.plugins.mlcicd.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StableOrderTest {
    @Test
    void sortsAscendingKeepingTiesInIndexOrder() {
        double[] values = {0.5, -2, 0.5, 1e300, -0.0, 0.0, -1e-300, 0.5, Double.NEGATIVE_INFINITY};
        assertThat(StableOrder.ascending(values)).containsExactly(8, 1, 6, 4, 5, 0, 2, 7, 3);
    }

    @Test
    void agreesWithAStableComparisonSortOnRandomTieHeavyData() {
        Random random = new Random(3);
        double[] values = new double[20_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.round(random.nextGaussian() * 100) / 10.0;
        }
        int[] expected = IntStream.range(0, values.length).boxed()
                .sorted(Comparator.comparingDouble(i -> values[i])) // List.sort is stable
                .mapToInt(Integer::intValue).toArray();
        assertThat(StableOrder.ascending(values)).containsExactly(expected);
    }

    @Test
    void emptyAndNaN() {
        assertThat(StableOrder.ascending(new double[0])).isEmpty();
        assertThatThrownBy(() -> StableOrder.ascending(new double[] {1, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
