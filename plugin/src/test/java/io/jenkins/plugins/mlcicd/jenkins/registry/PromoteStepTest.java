package io.jenkins.plugins.mlcicd.jenkins.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.jenkins.common.StepOptions;
import org.junit.jupiter.api.Test;

class PromoteStepTest {
    private static PromoteStep step() {
        return new PromoteStep("fraud-model", "gate", "gate passed");
    }

    @Test
    void defaults() {
        PromoteStep step = step();
        step.setFromAlias(" candidate ");

        assertThat(step.getId()).isEqualTo("promote");
        assertThat(step.getAlias()).isEqualTo("champion");
        assertThat(step.options()).isEqualTo(new StepOptions("mlPromote", "promote", false, false));
        assertThat(step.request()).isEqualTo(new PromoteRequest("fraud-model", null, "candidate", "champion", "gate", "gate passed", false));
        assertThat(step.request().validated("mlPromote").describeMove()).isEqualTo("move alias 'champion' of fraud-model");
    }

    @Test
    void theVersionIsANumberFromAScriptOrItsText() {
        for (Object version : new Object[] {3, 3L, "3", " 3 ", 3.0}) {
            PromoteStep step = step();
            step.setVersion(version);
            assertThat(step.request().validated("mlPromote").versionNumber("mlPromote")).as(String.valueOf(version)).isEqualTo(3);
        }
        for (Object version : new Object[] {0, -1, "x", 2.5, "1e99", 4_000_000_000L}) {
            PromoteStep step = step();
            step.setVersion(version);
            assertThatThrownBy(() -> step.request().validated("mlPromote")).as(String.valueOf(version))
                    .isInstanceOf(BadInputException.class).hasMessageStartingWith("mlPromote: version: expected a version number");
        }
    }

    @Test
    void everyRequiredArgumentIsRefusedWithOneLineNamingIt() {
        assertRefused(new PromoteRequest(" ", 1, null, null, "gate", "r", false), "mlPromote: model: required");
        assertRefused(new PromoteRequest("m", null, null, null, "gate", "r", false), "mlPromote: give exactly one of version");
        assertRefused(new PromoteRequest("m", 1, "candidate", null, "gate", "r", false), "mlPromote: give exactly one of version");
        assertRefused(new PromoteRequest("m", "", " ", null, "gate", "r", false), "mlPromote: give exactly one of version");
        assertRefused(new PromoteRequest("m", 1, null, null, " ", "r", false), "mlPromote: gate: required");
        assertRefused(new PromoteRequest("m", 1, null, null, "gate", "  ", false), "mlPromote: reason: must not be empty");
        assertRefused(new PromoteRequest("m", 1, null, null, "gate", null, true), "mlPromote: reason: must not be empty");
    }

    private static void assertRefused(PromoteRequest request, String message) {
        assertThatThrownBy(() -> request.validated("mlPromote")).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(message).message().doesNotContain("\n");
    }

    @Test
    void settersTrimAndBlankMeansDefault() {
        PromoteStep step = step();
        step.setAlias(" staging ");
        step.setForce(true);
        step.setId(" promote-staging ");
        step.setVersion("2");
        assertThat(step.request()).isEqualTo(new PromoteRequest("fraud-model", "2", null, "staging", "gate", "gate passed", true));
        assertThat(step.getId()).isEqualTo("promote-staging");
        step.setAlias("");
        assertThat(step.getAlias()).isEqualTo("champion");
        step.setVersion(" ");
        assertThat(step.getVersion()).as("an empty form field is no version").isNull();
    }

    @Test
    void builderHasTheSameOptionsAndFields() {
        PromoteBuilder builder = new PromoteBuilder("fraud-model", "gate", "ship");
        builder.setVersion(" ");
        builder.setFromAlias("candidate");
        builder.setStopBuild(true);
        assertThat(builder.options()).isEqualTo(new StepOptions("mlPromote", "promote", true, false));
        assertThat(builder.getVersion()).isNull();
        assertThat(builder.getAlias()).isEqualTo("champion");
        assertThat(PromoteBuilder.FIELDS).contains("model", "version", "fromAlias", "alias", "gate", "reason", "force");
    }
}
