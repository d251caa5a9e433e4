package io.jenkins.plugins.mlcicd.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.result.BuildOutcome;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GatePolicyTest {
    static GatePolicy yaml(String text) {
        return GatePolicy.parse("gate.yaml", text);
    }

    static void assertBad(String policyYaml, String... messageParts) {
        assertThatThrownBy(() -> yaml(policyYaml))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("gate.yaml: ")
                .hasMessageContaining(messageParts[0])
                .satisfies(e -> {
                    for (String part : messageParts) {
                        assertThat(e.getMessage()).contains(part);
                    }
                    assertThat(e.getMessage()).doesNotContain("\n");
                });
    }

    @Test
    void readsEveryField() {
        GatePolicy policy = yaml("""
                onInconclusive: failure
                rules:
                  - metric: auc
                    higherIsBetter: true
                    atLeast: 0.80
                    atMost: 0.999
                    minImprovement: 0.005
                    relative: true
                    within: [0.5, 1]
                    slices: top:3
                    severity: unstable
                    onMissing: inconclusive
                """);
        assertThat(policy.onInconclusive()).isEqualTo(BuildOutcome.FAILURE);
        GateRule rule = policy.rules().get(0);
        assertThat(rule.metric()).isEqualTo("auc");
        assertThat(rule.higherIsBetter()).isTrue();
        assertThat(rule.atLeast()).isEqualTo(0.80);
        assertThat(rule.atMost()).isEqualTo(0.999);
        assertThat(rule.minImprovement()).isEqualTo(0.005);
        assertThat(rule.maxRegression()).isNull();
        assertThat(rule.relative()).isTrue();
        assertThat(rule.within()).isEqualTo(new Interval(0.5, 1));
        assertThat(rule.slices()).isEqualTo(SliceSelection.top(3));
        assertThat(rule.severity()).isEqualTo(Severity.UNSTABLE);
        assertThat(rule.onMissing()).isEqualTo(OnMissing.INCONCLUSIVE);
        assertThat(rule.origin()).isEqualTo("gate.yaml: rules[0]");
        assertThat(policy.source()).isEqualTo("gate.yaml");
        assertThat(rule.absoluteThreshold()).isEqualTo("≥ 0.8 and ≤ 0.999 and ∈ [0.5, 1]");
    }

    @Test
    void defaults() {
        GatePolicy policy = yaml("rules:\n  - metric: log_loss\n    maxRegression: 0.01\n");
        assertThat(policy.onInconclusive()).isEqualTo(BuildOutcome.UNSTABLE);
        GateRule rule = policy.rules().get(0);
        assertThat(rule.higherIsBetter()).as("known tendency of log_loss").isFalse();
        assertThat(rule.relative()).isFalse();
        assertThat(rule.slices()).isEqualTo(SliceSelection.OVERALL);
        assertThat(rule.severity()).isEqualTo(Severity.FAILURE);
        assertThat(rule.onMissing()).isEqualTo(OnMissing.FAIL);
        assertThat(policy.verdictMapping(false).outcomeOf(Verdict.INCONCLUSIVE)).isEqualTo(BuildOutcome.UNSTABLE);
        assertThat(policy.verdictMapping(true).outcomeOf(Verdict.FAILED)).isEqualTo(BuildOutcome.UNSTABLE);
        assertThat(policy.verdictMapping(false).outcomeOf(Verdict.FAILED)).isEqualTo(BuildOutcome.FAILURE);
    }

    @Test
    void anExplicitDirectionOverridesTheTendency() {
        GateRule rule = yaml("rules: [{metric: auc, higherIsBetter: false, maxRegression: 0.1}]").rules().get(0);
        assertThat(rule.higherIsBetter()).isFalse();
    }

    @Test
    void unknownMetricNeedsADirectionOnlyForBaselineBounds() {
        GateRule interval = yaml("rules: [{metric: calibration_slope, within: [0.9, 1.1]}]").rules().get(0);
        assertThat(interval.higherIsBetter()).isNull();
        assertBad("rules:\n  - metric: auc\n    atLeast: 0.8\n  - metric: calibration_slope\n    maxRegression: 0.1\n",
                "gate.yaml: rules[1]: metric 'calibration_slope' has no known direction", "higherIsBetter");
        GateRule given = yaml("rules: [{metric: calibration_slope, higherIsBetter: false, maxRegression: 0.1}]").rules().get(0);
        assertThat(given.higherIsBetter()).isFalse();
    }

    @Test
    void slicesForms() {
        assertThat(yaml("rules: [{metric: auc, atLeast: 0.5, slices: all}]").rules().get(0).slices()).isEqualTo(SliceSelection.ALL);
        assertThat(yaml("rules: [{metric: auc, atLeast: 0.5, slices: overall}]").rules().get(0).slices()).isEqualTo(SliceSelection.OVERALL);
        assertThat(yaml("rules: [{metric: auc, atLeast: 0.5, slices: 'top: 2'}]").rules().get(0).slices()).isEqualTo(SliceSelection.top(2));
        assertThat(yaml("rules: [{metric: auc, atLeast: 0.5, slices: [country=DE, country=FR]}]").rules().get(0).slices())
                .isEqualTo(SliceSelection.named(List.of("country=DE", "country=FR")));
        assertBad("rules: [{metric: auc, atLeast: 0.5, slices: top:0}]", "rules[0].slices: top:N needs N ≥ 1");
        assertBad("rules: [{metric: auc, atLeast: 0.5, slices: some}]", "rules[0].slices: expected overall, all, top:N or a list");
        assertBad("rules: [{metric: auc, atLeast: 0.5, slices: []}]", "rules[0].slices: empty list");
        assertBad("rules: [{metric: auc, atLeast: 0.5, slices: [a, a]}]", "rules[0].slices[1]: slice 'a' is listed twice");
        assertBad("rules: [{metric: auc, atLeast: 0.5, slices: [a, 3]}]", "rules[0].slices[1]: expected a slice name, got 3");
    }

    @Test
    void readsJsonByName() {
        GatePolicy policy = GatePolicy.parse("gate.json", "{\"rules\": [{\"metric\": \"f1\", \"atLeast\": 0.7}]}");
        assertThat(policy.rules().get(0).atLeast()).isEqualTo(0.7);
        assertThatThrownBy(() -> GatePolicy.parse("gate.json", "{\"rules\": [}"))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("gate.json:1:");
    }

    @Test
    void readsFiles() {
        GatePolicy policy = GatePolicy.read(Path.of("src/test/resources/gate/policy.yaml"));
        assertThat(policy.rules()).hasSizeGreaterThan(2);
        assertThatThrownBy(() -> GatePolicy.read(Path.of("src/test/resources/gate/no-such-policy.yaml")))
                .isInstanceOf(BadInputException.class).hasMessage("src/test/resources/gate/no-such-policy.yaml: file not found");
        assertThatThrownBy(() -> GatePolicy.read(Path.of("src/test/resources/gate/policy-within-3.yaml")))
                .isInstanceOf(BadInputException.class)
                .hasMessage("src/test/resources/gate/policy-within-3.yaml: rules[2].within: expected 2 numbers, got 3");
    }

    @Test
    void malformedYamlNamesFileAndLine() {
        assertThatThrownBy(() -> yaml("rules:\n  - metric: auc\n   atLeast: [0.8\n"))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("gate.yaml:")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> yaml("rules: [{metric: auc, atLeast: .nan}]"))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("gate.yaml:1:");
        assertThatThrownBy(() -> yaml("   \n")).isInstanceOf(BadInputException.class).hasMessage("gate.yaml: file is empty");
    }

    @Test
    void unknownKeysAreRejectedByName() {
        assertBad("rules: [{metric: auc, minImprovment: 0.01}]",
                "gate.yaml: rules[0]: unknown key 'minImprovment' (did you mean 'minImprovement'?)");
        assertBad("rules: [{metric: auc, atLeast: 0.8, colour: red}]", "rules[0]: unknown key 'colour' (known keys: metric,");
        assertBad("rulez: []", "gate.yaml: unknown key 'rulez' (did you mean 'rules'?)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "rules: []                                                   | rules: no rules",
        "onInconclusive: unstable                                    | missing key 'rules'",
        "rules: {metric: auc}                                        | rules: expected a list of rules",
        "[1, 2]                                                      | expected a mapping with 'rules'",
        "rules: [auc]                                                | rules[0]: expected a mapping",
        "rules: [{atLeast: 0.8}]                                     | rules[0]: missing key 'metric'",
        "rules: [{metric: '', atLeast: 0.8}]                         | rules[0].metric: expected a metric name",
        "rules: [{metric: auc}]                                      | rules[0]: rule for 'auc' has no bound",
        "rules: [{metric: auc, atLeast: '0.8'}]                      | rules[0].atLeast: expected a number, got '0.8'",
        "rules: [{metric: auc, atLeast: 0.9, atMost: 0.8}]           | atLeast 0.9 is greater than atMost 0.8",
        "rules: [{metric: auc, minImprovement: -0.01}]               | rules[0].minImprovement: must be ≥ 0, got -0.01 (to allow a regression, use maxRegression)",
        "rules: [{metric: auc, maxRegression: -0.01}]                | rules[0].maxRegression: must be ≥ 0",
        "rules: [{metric: auc, minImprovement: 0.01, maxRegression: 0.02}] | rules[0]: give minImprovement or maxRegression, not both",
        "rules: [{metric: auc, atLeast: 0.8, relative: true}]        | rules[0].relative: applies to minImprovement or maxRegression",
        "rules: [{metric: auc, atLeast: 0.8, relative: 'yes'}]       | rules[0].relative: expected true or false",
        "rules: [{metric: auc, atLeast: 0.8, higherIsBetter: 1}]     | rules[0].higherIsBetter: expected true or false",
        "rules: [{metric: auc, within: [0.9, 1.0, 1.1]}]             | rules[0].within: expected 2 numbers, got 3",
        "rules: [{metric: auc, within: [0.9]}]                       | rules[0].within: expected 2 numbers, got 1",
        "rules: [{metric: auc, within: 0.9}]                         | rules[0].within: expected 2 numbers [low, high], got 0.9",
        "rules: [{metric: auc, within: [1.1, 0.9]}]                  | rules[0].within: low 1.1 is greater than high 0.9",
        "rules: [{metric: auc, within: [a, 0.9]}]                    | rules[0].within[0]: expected a number, got 'a'",
        "rules: [{metric: auc, atLeast: 0.8, severity: fatal}]       | rules[0].severity: expected one of failure, unstable, got 'fatal'",
        "rules: [{metric: auc, atLeast: 0.8, onMissing: pass}]       | rules[0].onMissing: expected one of fail, unstable, inconclusive, ignore, got 'pass'",
        "{onInconclusive: maybe, rules: [{metric: auc, atLeast: 0.8}]} | onInconclusive: 'maybe' is not one of success, unstable, failure",
        "{onInconclusive: 3, rules: [{metric: auc, atLeast: 0.8}]}   | onInconclusive: expected one of success, unstable, failure, got 3",
        "rules: [{metric: auc, atLeast: 0.8}, {metric: auc, atMost: 0.99}] | rules[1]: metric 'auc' with slices overall already has a rule (rules[0])",
    })
    void badInputIsOneLineNamingRuleAndKey(String policy, String expected) {
        assertBad(policy, expected);
    }

    @Test
    void relativeFalseIsHarmlessOnAnAbsoluteRule() {
        assertThat(yaml("rules: [{metric: auc, atLeast: 0.8, relative: false}]").rules().get(0).relative()).isFalse();
    }

    @Test
    void duplicateMetricWithDifferentSlicesIsFine() {
        GatePolicy policy = yaml("rules: [{metric: auc, atLeast: 0.8}, {metric: auc, atLeast: 0.7, slices: all}]");
        assertThat(policy.rules()).hasSize(2);
    }

    @Test
    void inlineRulesFromAPipelineGetTheSameValidation() {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("metric", new StringBuilder("auc")); // a GString is a CharSequence, not a String
        rule.put("minImprovement", new BigDecimal("0.005")); // Groovy decimal literals are BigDecimal
        rule.put("slices", List.of("country=DE"));
        rule.put("onMissing", "ignore");
        GatePolicy policy = GatePolicy.fromRules("Jenkinsfile mlGate", List.of(rule, Map.of("metric", "rmse", "atMost", 3)));
        assertThat(policy.rules()).hasSize(2);
        GateRule first = policy.rules().get(0);
        assertThat(first.metric()).isEqualTo("auc");
        assertThat(first.minImprovement()).isEqualTo(0.005);
        assertThat(first.higherIsBetter()).isTrue();
        assertThat(first.slices().names()).containsExactly("country=DE");
        assertThat(first.onMissing()).isEqualTo(OnMissing.IGNORE);
        assertThat(policy.rules().get(1).atMost()).isEqualTo(3.0);
        assertThat(policy.onInconclusive()).isEqualTo(BuildOutcome.UNSTABLE);
        assertThat(policy.source()).isEqualTo("Jenkinsfile mlGate");

        assertThatThrownBy(() -> GatePolicy.fromRules("Jenkinsfile mlGate", List.of(Map.of("metric", "auc", "within", List.of(1, 2, 3)))))
                .isInstanceOf(BadInputException.class)
                .hasMessage("Jenkinsfile mlGate: rules[0].within: expected 2 numbers, got 3");
        assertThatThrownBy(() -> GatePolicy.fromRules("Jenkinsfile mlGate", List.of(Map.of("metric", "auc", "atLeast", Double.NaN))))
                .isInstanceOf(BadInputException.class)
                .hasMessage("Jenkinsfile mlGate: rules[0].atLeast: expected a finite number, got NaN");
        assertThatThrownBy(() -> GatePolicy.fromRules("Jenkinsfile mlGate", List.of()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("rules: no rules");
        assertThatThrownBy(() -> GatePolicy.fromRules("Jenkinsfile mlGate", List.of(Map.of("metric", "auc", "atLeast", new Object()))))
                .isInstanceOf(BadInputException.class).hasMessageContaining("rules[0].atLeast: unsupported value of type Object");
    }
}
