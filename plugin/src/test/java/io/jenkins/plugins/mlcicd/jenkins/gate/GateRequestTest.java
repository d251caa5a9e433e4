package io.jenkins.plugins.mlcicd.jenkins.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import java.io.File;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GateRequestTest {
    @Test
    void baselineDefaultsToTheReferenceBuild() {
        assertThat(new GateRequest("p.yaml", "m.json", null).usesReference()).isTrue();
        assertThat(new GateRequest("p.yaml", "m.json", "  ").baseline()).isEqualTo("reference");
        assertThat(new GateRequest("p.yaml", "m.json", " base.json ").baseline()).isEqualTo("base.json");
        assertThat(new GateRequest("p.yaml", "m.json", "base.json").usesReference()).isFalse();
    }

    @Test
    void policyIsAPathAMapOrAList() {
        new GateRequest("ml/gate.yaml", "m.json", null).validated("mlGate");
        new GateRequest(Map.of("rules", List.of()), "m.json", null).validated("mlGate");
        new GateRequest(List.of(Map.of("metric", "auc")), "m.json", null).validated("mlGate");
    }

    @Test
    void missingOrWrongParametersAreOneLineErrors() {
        assertThatThrownBy(() -> new GateRequest(null, "m.json", null).validated("mlGate"))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("mlGate: policy: required");
        assertThatThrownBy(() -> new GateRequest(" ", "m.json", null).validated("mlGate"))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("mlGate: policy: required");
        assertThatThrownBy(() -> new GateRequest(new File("p"), "m.json", null).validated("mlGate"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("mlGate: policy: expected a file path, a map like [rules: [...]] or a list of rules, not a File");
        assertThatThrownBy(() -> new GateRequest("p.yaml", "", null).validated("mlGate"))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("mlGate: candidate: required");
    }
}
