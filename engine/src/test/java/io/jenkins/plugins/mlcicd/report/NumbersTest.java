package io.jenkins.plugins.mlcicd.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumbersTest {
    @Test
    void formatsShortAndLocaleFree() {
        assertThat(Numbers.format(0.912)).isEqualTo("0.912");
        assertThat(Numbers.format(0.91234567)).isEqualTo("0.9123");
        assertThat(Numbers.format(1234.5678)).isEqualTo("1234.57");
        assertThat(Numbers.format(3.0)).isEqualTo("3");
        assertThat(Numbers.format(1.2e-7)).isEqualTo("1.20e-07");
        assertThat(Numbers.format(null)).isEqualTo("—");
        assertThat(Numbers.format(Double.NaN)).isEqualTo("NaN");
    }

    @Test
    void signedDeltasUseATrueMinus() {
        assertThat(Numbers.signed(-0.003)).isEqualTo("−0.003");
        assertThat(Numbers.signed(0.005)).isEqualTo("+0.005");
        assertThat(Numbers.signed(0.0)).isEqualTo("0");
    }
}
