package io.jenkins.plugins.mlcicd.jenkins.canary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import org.junit.jupiter.api.Test;

class CanaryRequestTest {
    @Test
    void exactlyOnePlan() {
        assertThatThrownBy(() -> new CanaryRequest(null, " ", null, null, null).validated("mlCanary"))
                .isInstanceOf(BadInputException.class).hasMessage("mlCanary: give the rollout plan: plan (a workspace file) or planYaml (its keys inline)");
        assertThatThrownBy(() -> new CanaryRequest("p.yaml", "stages: []", null, null, null).validated("mlCanary"))
                .hasMessage("mlCanary: give either plan or planYaml, not both");
        CanaryRequest request = new CanaryRequest(" deploy/canary.yaml ", null, null, null, null).validated("mlCanary");
        assertThat(request.plan()).isEqualTo("deploy/canary.yaml");
        assertThat(request.onResume()).isEqualTo(OnResume.CONTINUE);
        assertThat(request.inline()).isFalse();
        assertThat(new CanaryRequest(null, "stages: []", null, null, null).describePlan()).isEqualTo("the inline plan (planYaml)");
    }

    @Test
    void modelAndVersionGoTogetherAndTheVersionIsANumber() {
        assertThatThrownBy(() -> new CanaryRequest("p", null, null, "fraud", null).validated("mlCanary"))
                .hasMessageContaining("model and version go together");
        assertThatThrownBy(() -> new CanaryRequest("p", null, null, "fraud", "latest").validated("mlCanary"))
                .hasMessageContaining("version: 'latest' is not");
        assertThatThrownBy(() -> new CanaryRequest("p", null, null, "fraud", "0").validated("mlCanary"))
                .isInstanceOf(BadInputException.class);
        assertThat(new CanaryRequest("p", null, null, "fraud", "7").validated("mlCanary").registryVersion("mlCanary")).isEqualTo(7);
    }

    @Test
    void onResumeIsContinueOrRollback() {
        assertThat(OnResume.parse("mlCanary", null)).isEqualTo(OnResume.CONTINUE);
        assertThat(OnResume.parse("mlCanary", " Rollback ")).isEqualTo(OnResume.ROLLBACK);
        assertThatThrownBy(() -> OnResume.parse("mlCanary", "abort")).isInstanceOf(BadInputException.class)
                .hasMessage("mlCanary: onResume: 'abort' is neither 'continue' nor 'rollback'");
    }

    @Test
    void theRegistryOutcomeFollowsThePhaseNotJustTheVerdict() {
        assertThat(CanaryRunner.RegistryOutcome.of(io.jenkins.plugins.mlcicd.result.Verdict.PASSED,
                new CanaryStatus("promoted", null, "100", null, null))).isEqualTo(CanaryRunner.RegistryOutcome.PROMOTED);
        assertThat(CanaryRunner.RegistryOutcome.of(io.jenkins.plugins.mlcicd.result.Verdict.FAILED,
                new CanaryStatus("rolled-back", null, "0", null, "breach"))).isEqualTo(CanaryRunner.RegistryOutcome.ROLLED_BACK);
        assertThat(CanaryRunner.RegistryOutcome.of(io.jenkins.plugins.mlcicd.result.Verdict.FAILED,
                new CanaryStatus("aborted", null, "0", null, null))).isEqualTo(CanaryRunner.RegistryOutcome.ROLLED_BACK);
        // traffic that may still be on the canary is not called rolled back
        assertThat(CanaryRunner.RegistryOutcome.of(io.jenkins.plugins.mlcicd.result.Verdict.FAILED,
                new CanaryStatus("rollback-failed", null, "5", null, null))).isEqualTo(CanaryRunner.RegistryOutcome.NONE);
        assertThat(CanaryRunner.RegistryOutcome.of(io.jenkins.plugins.mlcicd.result.Verdict.PASSED,
                new CanaryStatus(null, null, null, null, null))).isEqualTo(CanaryRunner.RegistryOutcome.NONE);
    }
}
