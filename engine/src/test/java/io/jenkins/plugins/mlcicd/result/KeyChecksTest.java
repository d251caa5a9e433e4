package io.jenkins.plugins.mlcicd.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyChecksTest {
    private static Check check(String name, Verdict verdict) {
        return Check.of(name, verdict, 1.0, ">= 0", name + " is " + verdict);
    }

    @Test
    void worstFirstThenDocumentOrderAtMostLimit() {
        List<Check> checks = List.of(check("a", Verdict.PASSED), check("b", Verdict.WARNING), check("c", Verdict.FAILED),
                check("d", Verdict.INCONCLUSIVE), check("e", Verdict.FAILED));

        assertThat(KeyChecks.select(checks, 3)).extracting(Check::name).containsExactly("c", "e", "d");
        assertThat(KeyChecks.select(checks, 10)).extracting(Check::name).containsExactly("c", "e", "d", "b", "a");
    }

    @Test
    void fewerChecksThanTheLimit() {
        assertThat(KeyChecks.select(List.of(check("a", Verdict.PASSED)), 3)).extracting(Check::name).containsExactly("a");
        assertThat(KeyChecks.select(List.of(), 3)).isEmpty();
    }
}
