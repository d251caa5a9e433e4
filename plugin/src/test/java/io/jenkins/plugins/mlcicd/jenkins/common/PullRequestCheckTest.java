package io.jenkins.plugins.mlcicd.jenkins.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.jenkins.plugins.checks.api.ChecksConclusion;
import io.jenkins.plugins.checks.api.ChecksStatus;
import io.jenkins.plugins.mlcicd.jenkins.gate.GateStep;
import io.jenkins.plugins.mlcicd.result.Check;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.ResultKind;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PullRequestCheckTest {
    @Test
    void aFailedModelBlocksTheMergeAWarningOrAnInconclusiveResultDoesNot() {
        assertThat(PullRequestCheck.conclusion(Verdict.PASSED)).isEqualTo(ChecksConclusion.SUCCESS);
        assertThat(PullRequestCheck.conclusion(Verdict.WARNING)).isEqualTo(ChecksConclusion.NEUTRAL);
        assertThat(PullRequestCheck.conclusion(Verdict.INCONCLUSIVE)).isEqualTo(ChecksConclusion.NEUTRAL);
        assertThat(PullRequestCheck.conclusion(Verdict.FAILED)).isEqualTo(ChecksConclusion.FAILURE);
    }

    @Test
    void namedAfterTheStepAndItsIdUnlessTheUserNamesIt() {
        assertThat(new StepOptions("mlGate", "gate", false, false).checkName()).isEqualTo("ML: mlGate gate");
        assertThat(new StepOptions("mlGate", "gate", false, false, "  Model gate ", false).checkName()).isEqualTo("Model gate");
        GateStep step = new GateStep("p.yaml", "c.json");
        step.setChecksName("Fraud gate");
        step.setSkipPublishingChecks(true);
        assertThat(step.options()).isEqualTo(new StepOptions("mlGate", "gate", false, false, "Fraud gate", true));
    }

    @Test
    void theCheckCarriesTheVerdictTheSummaryAndTheEscapedMarkdown() {
        ResultDocument gate = new ResultDocument(ResultKind.GATE, Verdict.INCONCLUSIVE, "no baseline:\nfirst build",
                Instant.EPOCH, 1, List.of(Check.of("auc [x](javascript:alert(1))", Verdict.INCONCLUSIVE, 0.91, "≥ 0.8", "no baseline")),
                JsonNodeFactory.instance.objectNode());
        PullRequestCheck check = PullRequestCheck.completed(new StepOptions("mlGate", "gate", false, false), gate,
                "https://ci.example.org/job/a/3/mlcicd-gate-gate/");
        assertThat(check.status()).isEqualTo(ChecksStatus.COMPLETED);
        assertThat(check.conclusion()).isEqualTo(ChecksConclusion.NEUTRAL);
        assertThat(check.title()).isEqualTo("INCONCLUSIVE: no baseline: first build");
        assertThat(check.summary()).startsWith("**INCONCLUSIVE**").contains("| auc \\[x\\]\\(javascript:alert\\(1\\)\\) |")
                .endsWith("[Full report](https://ci.example.org/job/a/3/mlcicd-gate-gate/)\n");

        PullRequestCheck running = PullRequestCheck.inProgress(new StepOptions("mlCanary", "canary", false, false), gate, null);
        assertThat(running.status()).isEqualTo(ChecksStatus.IN_PROGRESS);
        assertThat(running.conclusion()).isEqualTo(ChecksConclusion.NONE);
        assertThat(running.title()).startsWith("in progress: ");
    }
}
