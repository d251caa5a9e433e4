package io.jenkins.plugins.mlcicd.jenkins.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlcicd.jenkins.common.StepOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GateStepTest {
    @Test
    void defaults() {
        GateStep step = new GateStep("ml/gate.yaml", "out/metrics.json");

        assertThat(step.getId()).isEqualTo("gate");
        assertThat(step.getBaseline()).isEqualTo("reference");
        assertThat(step.options()).isEqualTo(new StepOptions("mlGate", "gate", false, false));
        assertThat(step.request()).isEqualTo(new GateRequest("ml/gate.yaml", "out/metrics.json", "reference"));
    }

    @Test
    void settersTrimAndBlankMeansDefault() {
        GateStep step = new GateStep(List.of(Map.of("metric", "auc")), "m.json");
        step.setId(" churn ");
        step.setBaseline(" prod.json ");
        step.setStopBuild(true);
        step.setUnstableOnly(true);

        assertThat(step.options()).isEqualTo(new StepOptions("mlGate", "churn", true, true));
        assertThat(step.request().baseline()).isEqualTo("prod.json");

        step.setId("  ");
        step.setBaseline("");
        assertThat(step.getId()).isEqualTo("gate");
        assertThat(step.getBaseline()).isEqualTo("reference");
    }

    @Test
    void builderHasTheSameOptions() {
        GateBuilder builder = new GateBuilder("ml/gate.yaml", "out/metrics.json");
        assertThat(builder.options()).isEqualTo(new StepOptions("mlGate", "gate", false, false));

        builder.setId("churn");
        builder.setStopBuild(true);
        assertThat(builder.options()).isEqualTo(new StepOptions("mlGate", "churn", true, false));
        assertThat(builder.getBaseline()).isEqualTo("reference");
    }
}
