package io.jenkins.plugins.mlcicd.jenkins.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import org.junit.jupiter.api.Test;

class StepOptionsTest {
    @Test
    void idsThatAreSafeInUrlsAndFileNames() {
        assertThat(StepOptions.idProblem("gate")).isNull();
        assertThat(StepOptions.idProblem("churn-model_2")).isNull();
        assertThat(StepOptions.idProblem("x".repeat(64))).isNull();
    }

    @Test
    void unsafeIdsAreRefusedWithAReason() {
        assertThat(StepOptions.idProblem("")).isEqualTo("must not be empty");
        assertThat(StepOptions.idProblem("../x")).contains("only letters, digits");
        assertThat(StepOptions.idProblem("a b")).isNotNull();
        assertThat(StepOptions.idProblem("-a")).isNotNull();
        assertThat(StepOptions.idProblem("x".repeat(65))).isNotNull();
        assertThatThrownBy(() -> new StepOptions("mlGate", "a/b", false, false).validated())
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("mlGate: id: 'a/b' must start with a letter or digit");
    }
}
