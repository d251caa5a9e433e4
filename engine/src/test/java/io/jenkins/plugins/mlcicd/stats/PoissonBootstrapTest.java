package io.jenkins.plugins.mlcicd.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PoissonBootstrapTest {
    @Test
    void weightsArePoissonOneDistributed() {
        int n = 200_000;
        double sum = 0;
        double squares = 0;
        int zeros = 0;
        for (int i = 0; i < n; i++) {
            int w = PoissonBootstrap.weight(42, 3, i);
            sum += w;
            squares += (double) w * w;
            zeros += w == 0 ? 1 : 0;
        }
        double mean = sum / n;
        assertThat(mean).isCloseTo(1, within(0.01));
        assertThat(squares / n - mean * mean).isCloseTo(1, within(0.02));
        assertThat((double) zeros / n).isCloseTo(Math.exp(-1), within(0.005));
    }

    @Test
    void aWeightDependsOnlyOnSeedReplicateAndKey() {
        assertThat(PoissonBootstrap.weight(1, 2, 3)).isEqualTo(PoissonBootstrap.weight(1, 2, 3));
        int differences = 0;
        for (long key = 0; key < 1000; key++) {
            differences += PoissonBootstrap.weight(1, 2, key) != PoissonBootstrap.weight(2, 2, key) ? 1 : 0;
            differences += PoissonBootstrap.weight(1, 2, key) != PoissonBootstrap.weight(1, 3, key) ? 1 : 0;
        }
        assertThat(differences).isGreaterThan(1000); // other seeds and replicates resample differently
    }
}
