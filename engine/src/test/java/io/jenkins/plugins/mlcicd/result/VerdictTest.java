package io.jenkins.plugins.mlcicd.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictTest {
    @Test
    void worstOrdersFailureAboveInconclusiveAboveWarning() {
        assertThat(Verdict.worstOf(List.of(Verdict.PASSED, Verdict.WARNING))).isEqualTo(Verdict.WARNING);
        assertThat(Verdict.worstOf(List.of(Verdict.WARNING, Verdict.INCONCLUSIVE))).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(Verdict.worstOf(List.of(Verdict.INCONCLUSIVE, Verdict.FAILED, Verdict.PASSED))).isEqualTo(Verdict.FAILED);
    }

    @Test
    void noChecksIsNeverAPass() {
        assertThat(Verdict.worstOf(List.of())).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void exitCodesFollowTheCliContract() {
        assertThat(Verdict.PASSED.exitCode()).isZero();
        assertThat(Verdict.FAILED.exitCode()).isEqualTo(1);
        assertThat(Verdict.WARNING.exitCode()).isEqualTo(3);
        assertThat(Verdict.INCONCLUSIVE.exitCode()).isEqualTo(4);
    }
}
