package io.jenkins.plugins.mlcicd.canary;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlcicd.result.Check;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveViewTest {
    static RolloutState state() {
        RolloutState state = new RolloutState();
        state.phase = Phase.STAGE;
        state.stage = 0;
        state.weight = 5;
        state.transitions.add(new Transition("2026-01-01T00:00:00Z", "ready", "stage 1 (5%)", 5, "rollout started"));
        state.analyses.add(new Analysis("2026-01-01T00:00:30Z", 0, 5, Analysis.PASSED,
                List.of(new Check("latencyP95", Verdict.PASSED, 0.031, 0.029, 0.002, "≤ 0.05", "within bounds", null))));
        return state;
    }

    @Test
    void pipedItPrintsOneLinePerTransitionAndAnalysisOnce() {
        StringWriter text = new StringWriter();
        LiveView view = new LiveView(new PrintWriter(text), false, CanaryControllerTest.plan(1, "fail"));
        RolloutState state = state();
        view.changed(state);
        view.changed(state);
        assertThat(text.toString().lines()).containsExactly(
                "2026-01-01T00:00:00Z ready -> stage 1 (5%) (5%): rollout started",
                "2026-01-01T00:00:30Z analysis stage 1 at 5%: passed | latencyP95 0.03100 (base 0.02900) ≤ 0.05 PASSED");
    }

    @Test
    void onATerminalItRedrawsTheBlockInPlace() {
        StringWriter text = new StringWriter();
        LiveView view = new LiveView(new PrintWriter(text), true, CanaryControllerTest.plan(1, "fail"));
        view.changed(state());
        String first = text.toString();
        assertThat(first).contains("canary: stage  stage 1/4  weight 5%  analyses 1").contains("latencyP95").contains("≤ 0.05")
                .doesNotContain("\033[");
        view.changed(state());
        assertThat(text.toString().substring(first.length())).startsWith("\033[4A\033[J");
    }
}
