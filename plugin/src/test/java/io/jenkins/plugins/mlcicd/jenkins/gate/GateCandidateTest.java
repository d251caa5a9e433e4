package io.jenkins.plugins.mlcicd.jenkins.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How mlGate's candidate names an evaluation recorded by the build or a workspace file. */
class GateCandidateTest {
    private static final BadInputException MISSING = new BadInputException("eval: candidate metrics file not found (workspace /ws)");

    @Test
    void aRecordedEvaluationIdIsTheEvaluation() {
        GateCandidate candidate = GateCandidate.resolve(" eval ", List.of("baseline-eval", "eval"));

        assertThat(candidate.isEvaluation()).isTrue();
        assertThat(candidate.evaluationId()).isEqualTo("eval");
        assertThat(candidate.path()).isNull();
        assertThat(candidate.describe()).isEqualTo("evaluation 'eval' recorded by this build");
    }

    @Test
    void anythingElseIsAWorkspaceFile() {
        assertThat(GateCandidate.resolve("out/metrics.json", List.of("eval")))
                .isEqualTo(new GateCandidate(null, "out/metrics.json"));
        // an id-like name that no evaluation of this build has: a file of that name, if there is one
        GateCandidate unrecorded = GateCandidate.resolve("eval", List.of());
        assertThat(unrecorded.isEvaluation()).isFalse();
        assertThat(unrecorded.path()).isEqualTo("eval");
    }

    @Test
    void aMissingFileWhoseNameCouldBeAnIdSaysWhichEvaluationsExist() {
        BadInputException error = GateCandidate.resolve("evl", List.of("eval")).notFound(MISSING, List.of("eval"));
        assertThat(error).hasMessage("candidate: 'evl' is neither the id of an evaluation recorded by this build "
                + "(mlEvaluate ids: 'eval') nor a file in the workspace");
        assertThat(GateCandidate.resolve("eval", List.of()).notFound(MISSING, List.of()))
                .hasMessageContaining("(mlEvaluate ids: none so far)");
        // a path is reported as the missing file it is
        assertThat(GateCandidate.resolve("out/metrics.json", List.of()).notFound(MISSING, List.of())).isSameAs(MISSING);
    }
}
