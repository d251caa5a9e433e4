package io.jenkins.plugins.mlcicd.canary;

import io.jenkins.plugins.mlcicd.result.Check;
import io.jenkins.plugins.mlcicd.result.Verdict;
import io.jenkins.plugins.mlcicd.stats.MannWhitney;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Judges one guardrail in one analysis: absolute bounds on the canary, its change against the
 * baseline (absolute and relative), and optionally a one-sided Mann–Whitney U test over the stage's
 * samples of both variants with the effect size. A value that is missing, NaN or not comparable goes
 * through {@link NoData} and never passes.
 */
final class Judge {
    static final String IGNORED = "ignored";

    private Judge() {
    }

    static Check judge(Guardrail g, String name, String slice, Reading canary, Reading baseline,
                       RolloutState.Samples samples, NoData mode) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (slice != null) {
            details.put("slice", slice);
        }
        details.put("query", g.query());
        if (!canary.usable()) {
            return noData(g, name, details, mode, null, null, "canary: " + problem(canary));
        }
        double c = canary.value();
        Double b = null;
        if (g.needsBaseline()) {
            if (!baseline.usable()) {
                return noData(g, name, details, mode, finite(c), null, "baseline: " + problem(baseline));
            }
            b = baseline.value();
        }
        List<String> violations = new ArrayList<>();
        if (g.max() != null && c > g.max()) {
            violations.add("canary " + show(c) + " > max " + Guardrail.plain(g.max()));
        }
        if (g.min() != null && c < g.min()) {
            violations.add("canary " + show(c) + " < min " + Guardrail.plain(g.min()));
        }
        Double delta = null;
        if (b != null) {
            delta = c - b;
            boolean deltaBounds = g.maxIncrease() != null || g.maxDecrease() != null
                    || g.maxRelativeIncrease() != null || g.maxRelativeDecrease() != null;
            if (deltaBounds && !Double.isFinite(delta)) {
                return noData(g, name, details, mode, finite(c), finite(b),
                        "canary " + show(c) + " and baseline " + show(b) + " have no finite difference");
            }
            if (g.maxIncrease() != null && delta > g.maxIncrease()) {
                violations.add("increase " + show(delta) + " > maxIncrease " + Guardrail.plain(g.maxIncrease()));
            }
            if (g.maxDecrease() != null && -delta > g.maxDecrease()) {
                violations.add("decrease " + show(-delta) + " > maxDecrease " + Guardrail.plain(g.maxDecrease()));
            }
            if (g.maxRelativeIncrease() != null || g.maxRelativeDecrease() != null) {
                if (b == 0) {
                    return noData(g, name, details, mode, finite(c), b, "baseline is 0: a relative change is undefined");
                }
                double relative = delta / Math.abs(b);
                details.put("relativeChange", relative);
                if (g.maxRelativeIncrease() != null && relative > g.maxRelativeIncrease()) {
                    violations.add("relative increase " + percent(relative) + " > " + percent(g.maxRelativeIncrease()));
                }
                if (g.maxRelativeDecrease() != null && -relative > g.maxRelativeDecrease()) {
                    violations.add("relative decrease " + percent(-relative) + " > " + percent(g.maxRelativeDecrease()));
                }
            }
        }
        if (g.mannWhitney()) {
            String statistical = mannWhitney(g, samples, details);
            if (statistical != null) {
                violations.add(statistical);
            }
        }
        if (violations.isEmpty()) {
            return new Check(name, Verdict.PASSED, finite(c), finite(b), finite(delta), g.threshold(),
                    "within bounds: canary " + show(c) + (b == null ? "" : ", baseline " + show(b)), details);
        }
        return new Check(name, Verdict.FAILED, finite(c), finite(b), finite(delta), g.threshold(),
                String.join("; ", violations), details);
    }

    /**
     * The stage's samples compared by Mann–Whitney U in the guardrail's bad direction. A violation
     * needs both significance (p &lt; alpha) and a difference of the stage medians beyond the
     * guardrail's baseline tolerance: many samples make tiny, harmless differences significant.
     */
    private static String mannWhitney(Guardrail g, RolloutState.Samples samples, Map<String, Object> details) {
        int nc = samples == null ? 0 : samples.canary.size();
        int nb = samples == null ? 0 : samples.baseline.size();
        if (nc < g.minSamples() || nb < g.minSamples()) {
            details.put("mannWhitney", "needs " + g.minSamples() + " samples of each variant in the stage, has "
                    + nc + " and " + nb + "; the point bounds decide until then");
            return null;
        }
        double[] x = samples.canary.stream().mapToDouble(Double::doubleValue).toArray();
        double[] y = samples.baseline.stream().mapToDouble(Double::doubleValue).toArray();
        MannWhitney.Result result = MannWhitney.test(x, y);
        boolean up = g.higherIsWorse();
        double p = up ? result.pGreater() : result.pLess();
        double medianC = median(x);
        double medianB = median(y);
        double shift = up ? medianC - medianB : medianB - medianC;
        Map<String, Object> mw = new LinkedHashMap<>();
        mw.put("u", result.u());
        mw.put("pValue", p);
        mw.put("commonLanguageEffect", result.commonLanguage());
        mw.put("rankBiserial", result.rankBiserial());
        mw.put("canarySamples", nc);
        mw.put("baselineSamples", nb);
        mw.put("canaryMedian", medianC);
        mw.put("baselineMedian", medianB);
        details.put("mannWhitney", mw);
        if (p >= g.alpha()) {
            return null;
        }
        double tolerance = tolerance(g, medianB);
        if (shift <= tolerance) {
            return null;
        }
        return String.format(Locale.ROOT, "over the stage the canary is significantly %s than the baseline"
                        + " (Mann-Whitney p = %.3g < %s, effect size P(canary > baseline) = %.2f, medians %s vs %s)",
                up ? "higher" : "lower", p, Guardrail.plain(g.alpha()), result.commonLanguage(), show(medianC), show(medianB));
    }

    private static double tolerance(Guardrail g, double baselineMedian) {
        Double absolute = g.higherIsWorse() ? g.maxIncrease() : g.maxDecrease();
        Double relative = g.higherIsWorse() ? g.maxRelativeIncrease() : g.maxRelativeDecrease();
        double tolerance = Double.POSITIVE_INFINITY;
        if (absolute != null) {
            tolerance = Math.min(tolerance, absolute);
        }
        if (relative != null) {
            tolerance = Math.min(tolerance, relative * Math.abs(baselineMedian));
        }
        return Double.isInfinite(tolerance) ? 0 : tolerance;
    }

    private static Check noData(Guardrail g, String name, Map<String, Object> details, NoData mode,
                                Double canary, Double baseline, String problem) {
        details.put("noData", mode.word());
        return switch (mode) {
            case FAIL -> new Check(name, Verdict.FAILED, canary, baseline, null, g.threshold(),
                    "no data (" + problem + "); noData: fail", details);
            case INCONCLUSIVE -> new Check(name, Verdict.INCONCLUSIVE, canary, baseline, null, g.threshold(),
                    "no data (" + problem + "); noData: inconclusive", details);
            case IGNORE -> {
                details.put(IGNORED, true);
                yield new Check(name, Verdict.INCONCLUSIVE, canary, baseline, null, g.threshold(),
                        "no data (" + problem + "); ignored (noData: ignore)", details);
            }
        };
    }

    static String problem(Reading reading) {
        if (reading.problem() != null) {
            return reading.problem();
        }
        return "value is " + reading.raw() + " (no traffic, or a division by zero in the query)";
    }

    private static Double finite(Double value) {
        return value == null || !Double.isFinite(value) ? null : value;
    }

    private static String show(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        return String.format(Locale.ROOT, "%.4g", value);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
