package io.jenkins.plugins.mlcicd.jenkins.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlcicd.result.Check;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyCheckTest {
    private static Check check(String name, Verdict verdict) {
        return Check.of(name, verdict, 1.0, "≥ 0", name + " is " + verdict);
    }

    @Test
    void worstFirstThenDocumentOrderAtMostLimit() {
        List<Check> checks = List.of(check("a", Verdict.PASSED), check("b", Verdict.WARNING), check("c", Verdict.FAILED),
                check("d", Verdict.INCONCLUSIVE), check("e", Verdict.FAILED));

        List<KeyCheck> selected = KeyCheck.select(checks, 3);

        assertThat(selected).extracting(KeyCheck::getName).containsExactly("c", "e", "d");
        assertThat(selected).isInstanceOf(ArrayList.class);
        assertThat(selected.get(0).getVerdict()).isEqualTo(Verdict.FAILED);
        assertThat(selected.get(0).getVerdictClass()).isEqualTo("mlcicd-verdict mlcicd-verdict-failed");
        assertThat(selected.get(0).getMessage()).isEqualTo("c is FAILED");
    }

    @Test
    void fewerChecksThanTheLimit() {
        assertThat(KeyCheck.select(List.of(check("a", Verdict.PASSED)), 3)).extracting(KeyCheck::getName).containsExactly("a");
        assertThat(KeyCheck.select(List.of(), 3)).isEmpty();
    }
}
