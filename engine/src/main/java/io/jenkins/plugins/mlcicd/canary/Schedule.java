package io.jenkins.plugins.mlcicd.canary;

import java.time.Duration;
import java.util.Locale;

/** The plan as a person checks it before a rollout ({@code --dry-run}): stages, analyses, the rollback arithmetic. */
public final class Schedule {
    private Schedule() {
    }

    public static String describe(CanaryPlan plan) {
        StringBuilder out = new StringBuilder("Plan is valid. Schedule:\n");
        Duration total = Duration.ZERO;
        for (int i = 0; i < plan.stages().size(); i++) {
            Stage stage = plan.stages().get(i);
            if (stage.duration() == null) {
                out.append(String.format(Locale.ROOT, "  stage %d: %3d%%  then promoted (starts at +%s)%n",
                        i + 1, stage.weight(), human(total)));
            } else {
                long analyses = Math.max(1, ceilDiv(stage.duration().toMillis(), plan.interval().toMillis()));
                out.append(String.format(Locale.ROOT, "  stage %d: %3d%%  for %s (from +%s), %d analyses%n",
                        i + 1, stage.weight(), human(stage.duration()), human(total), analyses));
                total = total.plus(plan.interval().multipliedBy(analyses));
            }
        }
        out.append("  at the earliest promoted after ").append(human(total)).append('\n');
        out.append("  analysis every ").append(human(plan.interval())).append(", ").append(plan.guardrails().size())
                .append(" guardrail(s)").append(plan.slices().isEmpty() ? "" : " over " + plan.slices().size() + " slices")
                .append(", failureLimit ").append(plan.failureLimit()).append(", noData ").append(plan.noData().word()).append('\n');
        for (Guardrail g : plan.guardrails()) {
            out.append("    ").append(g.name()).append(": ").append(g.threshold()).append('\n');
        }
        out.append("  router: ").append(plan.router().describe()).append("; rollback: ").append(plan.rollback().describe())
                .append('\n');
        out.append("  rollback within: ").append(human(plan.interval())).append(" × ").append(plan.failureLimit() + 1)
                .append(" + ").append(human(plan.queryTimeout())).append(" query timeout + ")
                .append(human(plan.rollback().timeout())).append(" rollback timeout = ").append(human(plan.worstCaseRollback()))
                .append(" ≤ ").append(human(plan.rollbackWithin())).append('\n');
        return out.toString();
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    static String human(Duration d) {
        long ms = d.toMillis();
        if (ms % 1000 != 0) {
            return ms + "ms";
        }
        long s = ms / 1000;
        StringBuilder text = new StringBuilder();
        if (s >= 3600) {
            text.append(s / 3600).append('h');
            s %= 3600;
        }
        if (s >= 60) {
            text.append(s / 60).append('m');
            s %= 60;
        }
        if (s > 0 || text.length() == 0) {
            text.append(s).append('s');
        }
        return text.toString();
    }
}
