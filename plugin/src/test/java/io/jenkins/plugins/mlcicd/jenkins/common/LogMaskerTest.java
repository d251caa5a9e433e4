package io.jenkins.plugins.mlcicd.jenkins.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LogMaskerTest {
    @Test
    void aSecretSplitAcrossChunksIsMaskedAndLinesWaitForTheirEnd() {
        LogMasker masker = new LogMasker(List.of("s3cr3t-token"));
        assertThat(masker.accept("stage 1 at 5%\nrouter said: Bearer s3cr")).isEqualTo("stage 1 at 5%\n");
        assertThat(masker.accept("3t-token rejected\nnext")).isEqualTo("router said: Bearer **** rejected\n");
        assertThat(masker.flush()).isEqualTo("next");
        assertThat(masker.flush()).isEmpty();
    }

    @Test
    void theLongerOfTwoOverlappingSecretsIsMaskedWhole() {
        LogMasker masker = new LogMasker(List.of("abc", "abcdef", " "));
        assertThat(masker.mask("x abcdef y abc")).isEqualTo("x **** y ****");
    }

    @Test
    void aLineWithoutNewlineIsNotHeldBackForever() {
        LogMasker masker = new LogMasker(List.of("pw"));
        String huge = "pw".repeat(LogMasker.MAX_PENDING);
        assertThat(masker.accept(huge)).doesNotContain("pw").contains(LogMasker.MASK);
    }
}
