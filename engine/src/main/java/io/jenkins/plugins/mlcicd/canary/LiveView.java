package io.jenkins.plugins.mlcicd.canary;

import io.jenkins.plugins.mlcicd.result.Check;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * What a person watching the rollout sees: on a terminal, a block redrawn in place after every
 * change (stage, weight, each guardrail's value against its bound); when piped (a CI log), one line
 * per transition and per analysis.
 */
public final class LiveView implements RolloutListener {
    private final PrintWriter out;
    private final boolean terminal;
    private final CanaryPlan plan;
    private int transitionsShown;
    private int analysesShown;
    private int linesDrawn;

    public LiveView(PrintWriter out, boolean terminal, CanaryPlan plan) {
        this.out = out;
        this.terminal = terminal;
        this.plan = plan;
    }

    @Override
    public synchronized void changed(RolloutState state) {
        if (terminal) {
            redraw(state);
        } else {
            while (transitionsShown < state.transitions.size()) {
                Transition t = state.transitions.get(transitionsShown++);
                out.println(t.at() + " " + t.from() + " -> " + t.to() + " (" + t.weight() + "%): " + t.reason());
            }
            while (analysesShown < state.analyses.size()) {
                Analysis a = state.analyses.get(analysesShown++);
                StringBuilder line = new StringBuilder(a.at()).append(" analysis stage ").append(a.stage() + 1)
                        .append(" at ").append(a.weight()).append("%: ").append(a.outcome());
                for (Check c : a.checks()) {
                    line.append(" | ").append(c.name()).append(' ').append(value(c)).append(' ').append(c.threshold())
                            .append(' ').append(c.verdict());
                }
                out.println(line);
            }
        }
        out.flush();
    }

    private void redraw(RolloutState state) {
        StringBuilder block = new StringBuilder();
        if (linesDrawn > 0) {
            block.append("\033[").append(linesDrawn).append("A\033[J");
        }
        int lines = 0;
        block.append(String.format(Locale.ROOT, "canary: %s  stage %d/%d  weight %d%%  analyses %d%n",
                state.phase.id(), state.stage + 1, plan.stages().size(), state.weight, state.analyses.size()));
        lines++;
        if (!state.analyses.isEmpty()) {
            Analysis a = state.analyses.get(state.analyses.size() - 1);
            block.append("  last analysis ").append(a.at()).append(": ").append(a.outcome()).append('\n');
            lines++;
            for (Check c : a.checks()) {
                block.append(String.format(Locale.ROOT, "  %-12s %-28s %-14s %s%n", c.verdict(), c.name(), value(c), c.threshold()));
                lines++;
            }
        }
        if (!state.transitions.isEmpty()) {
            Transition t = state.transitions.get(state.transitions.size() - 1);
            block.append("  ").append(t.to()).append(": ").append(t.reason()).append('\n');
            lines++;
        }
        linesDrawn = lines;
        out.print(block);
    }

    private static String value(Check c) {
        if (c.value() == null) {
            return "—";
        }
        String v = String.format(Locale.ROOT, "%.4g", c.value());
        return c.baseline() == null ? v : v + " (base " + String.format(Locale.ROOT, "%.4g", c.baseline()) + ")";
    }
}
