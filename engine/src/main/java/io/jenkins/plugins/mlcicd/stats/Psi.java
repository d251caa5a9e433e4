package io.jenkins.plugins.mlcicd.stats;

/**
 * Population stability index Σ (c − r) · ln(c / r) over bins, with each proportion floored so an
 * empty bin gives a large but finite contribution instead of infinity.
 */
public final class Psi {
    /** The floor of the drift definitions (docs/data.md). */
    public static final double DEFAULT_FLOOR = 1e-4;

    private Psi() {
    }

    /** PSI of current against reference bin counts, proportions floored at {@link #DEFAULT_FLOOR}. */
    public static double ofCounts(long[] reference, long[] current) {
        return ofCounts(reference, current, DEFAULT_FLOOR);
    }

    public static double ofCounts(long[] reference, long[] current, double floor) {
        if (reference.length != current.length) {
            throw new IllegalArgumentException("bin counts differ in length");
        }
        return ofProportions(Distributions.flooredProportions(reference, floor),
                Distributions.flooredProportions(current, floor));
    }

    /** PSI with empty bins filled as Evidently fills them ({@link Distributions#zeroFilledProportions(long[])}). */
    public static double ofCountsZeroFilled(long[] reference, long[] current) {
        if (reference.length != current.length) {
            throw new IllegalArgumentException("bin counts differ in length");
        }
        return ofProportions(Distributions.zeroFilledProportions(reference), Distributions.zeroFilledProportions(current));
    }

    /** PSI of proportions that are already positive. */
    public static double ofProportions(double[] reference, double[] current) {
        Distributions.sameLength(reference, current);
        double psi = 0;
        for (int i = 0; i < reference.length; i++) {
            if (!(reference[i] > 0) || !(current[i] > 0)) {
                throw new IllegalArgumentException("PSI needs positive proportions (floor them first)");
            }
            psi += (current[i] - reference[i]) * Math.log(current[i] / reference[i]);
        }
        return psi;
    }
}
