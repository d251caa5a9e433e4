package io.jenkins.plugins.mlcicd.jenkins.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlcicd.gate.GatePolicy;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.result.BuildOutcome;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Inline policies as a Pipeline script passes them (Groovy's 0.005 is a BigDecimal). */
class GatePoliciesTest {
    private static Map<String, Object> rule(Object... keysAndValues) {
        Map<String, Object> rule = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            rule.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return rule;
    }

    @Test
    void aMapHasTheShapeOfThePolicyFile() {
        GatePolicy policy = GatePolicies.inline(Map.of(
                "rules", List.of(rule("metric", "auc", "minImprovement", new BigDecimal("0.005")),
                        rule("metric", "log_loss", "maxRegression", new BigDecimal("0.05"), "relative", true)),
                "onInconclusive", "failure"));

        assertThat(policy.rules()).hasSize(2);
        assertThat(policy.rules().get(0).metric()).isEqualTo("auc");
        assertThat(policy.rules().get(0).minImprovement()).isEqualTo(0.005);
        assertThat(policy.rules().get(1).relative()).isTrue();
        assertThat(policy.onInconclusive()).isEqualTo(BuildOutcome.FAILURE);
    }

    @Test
    void aListIsThePolicysRules() {
        GatePolicy policy = GatePolicies.inline(List.of(rule("metric", "auc", "atLeast", new BigDecimal("0.8"))));

        assertThat(policy.rules()).hasSize(1);
        assertThat(policy.rules().get(0).atLeast()).isEqualTo(0.8);
        assertThat(policy.onInconclusive()).isEqualTo(BuildOutcome.UNSTABLE);
    }

    @Test
    void inlineErrorsNameTheArgumentAndTheKey() {
        assertThatThrownBy(() -> GatePolicies.inline(Map.of("rules", List.of(rule("metric", "auc", "atLest", 0.8)))))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("mlGate policy")
                .hasMessageContaining("atLest");
        assertThatThrownBy(() -> GatePolicies.inline(List.of(rule("metric", "auc", "atLest", 0.8))))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("mlGate policy")
                .hasMessageContaining("atLest");
        assertThatThrownBy(() -> GatePolicies.inline(List.of("auc")))
                .isInstanceOf(BadInputException.class)
                .hasMessage("mlGate policy: rules[0]: each rule is a map such as [metric: 'auc', atLeast: 0.8]");
        assertThatThrownBy(() -> GatePolicies.inline(Map.of("rules", List.of(rule("metric", "auc", "atLeast", new Object())))))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("policy.rules[0].atLeast: a value of type Object is not allowed here");
    }
}
