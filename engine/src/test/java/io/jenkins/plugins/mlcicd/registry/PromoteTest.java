package io.jenkins.plugins.mlcicd.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.ResultKind;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromoteTest {
    private static final String ACTOR = "jenkins:alice (Alice Smith, fraud #7)";

    @TempDir
    Path root;

    private FileModelRegistry registry;

    @BeforeEach
    void twoVersionsWithACandidate() {
        registry = new FileModelRegistry(root);
        registry.register("fraud", FileModelRegistryTest.draft("a".repeat(64)));
        registry.register("fraud", FileModelRegistryTest.draft("b".repeat(64)));
        registry.setAlias("fraud", "candidate", 2, new Promotion("ci", "trained", null, null));
    }

    private static Promote.Request request(Integer version, String fromAlias, Verdict gate, boolean force) {
        return new Promote.Request("fraud", version, fromAlias, null, "auc +0.02", ACTOR, "https://ci/job/fraud/7/", gate,
                "gate 'gate' of this build", force);
    }

    @Test
    void aPassingGateMovesTheAliasAndRecordsWhoWhyAndTheGate() {
        Promote.Outcome outcome = Promote.promote(registry, request(null, "candidate", Verdict.PASSED, false));

        assertThat(outcome.promoted()).isTrue();
        assertThat(outcome.version()).isEqualTo(2);
        assertThat(registry.aliases("fraud")).containsEntry(Promote.DEFAULT_ALIAS, 2);
        AliasMove recorded = registry.history("fraud").get(1);
        assertThat(recorded.actor()).isEqualTo(ACTOR);
        assertThat(recorded.reason()).isEqualTo("auc +0.02");
        assertThat(recorded.gateVerdict()).isEqualTo("PASSED");
        assertThat(recorded.sourceUrl()).isEqualTo("https://ci/job/fraud/7/");

        ResultDocument document = outcome.document();
        assertThat(document.kind()).isEqualTo(ResultKind.PROMOTION);
        assertThat(document.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(document.summary()).isEqualTo("fraud: alias 'champion' → version 2 (new)");
        assertThat(document.fields().path("actor").asText()).isEqualTo(ACTOR);
        assertThat(document.fields().path("move").path("toVersion").asInt()).isEqualTo(2);
        assertThat(document.fields().path("forced").asBoolean()).isFalse();
    }

    @Test
    void aGateThatDidNotPassMovesNothing() {
        for (Verdict verdict : List.of(Verdict.FAILED, Verdict.INCONCLUSIVE)) {
            Promote.Outcome outcome = Promote.promote(registry, request(1, null, verdict, false));
            assertThat(outcome.promoted()).isFalse();
            assertThat(outcome.document().verdict()).isEqualTo(Verdict.FAILED);
            assertThat(outcome.document().summary()).contains("gate verdict is " + verdict).contains("did not move");
        }
        assertThat(registry.aliases("fraud")).doesNotContainKey(Promote.DEFAULT_ALIAS);
        assertThat(registry.history("fraud")).hasSize(1);
    }

    @Test
    void forceMovesItAndSaysSoInTheHistoryAndTheVerdict() {
        Promote.Outcome outcome = Promote.promote(registry, request(1, null, Verdict.FAILED, true));

        assertThat(outcome.promoted()).isTrue();
        assertThat(outcome.document().verdict()).isEqualTo(Verdict.WARNING);
        assertThat(outcome.document().fields().path("forced").asBoolean()).isTrue();
        assertThat(outcome.document().checks().get(0).message()).startsWith("forced");
        assertThat(registry.history("fraud").get(1).reason()).isEqualTo("auc +0.02 (forced despite gate FAILED)");
        assertThat(registry.history("fraud").get(1).gateVerdict()).isEqualTo("FAILED");
    }

    @Test
    void aWarningGateAllowsItWithAWarning() {
        assertThat(Promote.allows(Verdict.WARNING)).isTrue();
        Promote.Outcome outcome = Promote.promote(registry, request(2, null, Verdict.WARNING, false));
        assertThat(outcome.document().verdict()).isEqualTo(Verdict.WARNING);
        assertThat(registry.aliases("fraud")).containsEntry("champion", 2);
    }

    @Test
    void argumentsAreRefusedBeforeAnythingMoves() {
        assertThatThrownBy(() -> Promote.promote(registry, request(null, null, Verdict.PASSED, false)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("exactly one of version");
        assertThatThrownBy(() -> Promote.promote(registry, request(1, "candidate", Verdict.PASSED, false)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("exactly one of version");
        assertThatThrownBy(() -> Promote.promote(registry, request(0, null, Verdict.PASSED, false)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("version: must be");
        Promote.Request blankReason = new Promote.Request("fraud", 1, null, null, "  ", ACTOR, null, Verdict.FAILED, "g", false);
        assertThatThrownBy(() -> Promote.promote(registry, blankReason))
                .isInstanceOf(BadInputException.class).hasMessage("reason: must not be empty; say why the alias moves");
        assertThatThrownBy(() -> Promote.promote(registry, request(9, null, Verdict.PASSED, false)))
                .isInstanceOf(RegistryException.class).hasMessageContaining("9");
        assertThatThrownBy(() -> Promote.promote(registry, request(null, "shadow", Verdict.PASSED, false)))
                .isInstanceOf(RegistryException.class).hasMessageContaining("has no alias 'shadow'");
        assertThat(registry.history("fraud")).hasSize(1);
    }

    @Test
    void onlyAGateResultIsEvidence() {
        ResultDocument gate = new ResultDocument(ResultKind.GATE, Verdict.PASSED, "s", Instant.EPOCH, 1, List.of(), null);
        ResultDocument evaluation = new ResultDocument(ResultKind.EVALUATION, Verdict.PASSED, "s", Instant.EPOCH, 1, List.of(), null);
        assertThat(Promote.gateVerdict(gate, "gate.json")).isEqualTo(Verdict.PASSED);
        assertThatThrownBy(() -> Promote.gateVerdict(evaluation, "eval.json"))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("eval.json: a evaluation result, not a gate result");
    }
}
