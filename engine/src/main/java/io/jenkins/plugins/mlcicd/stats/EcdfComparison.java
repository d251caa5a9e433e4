package io.jenkins.plugins.mlcicd.stats;

/**
 * Walks two empirical distributions in ascending order of value and accumulates what both the
 * Kolmogorov–Smirnov statistic and the 1-D Wasserstein distance need: sup |F_a − F_b| and
 * ∫ |F_a − F_b| dx. Values arrive as (value, weight in a, weight in b) groups, so it serves raw
 * samples, grouped counts streamed from SQL, and weighted summaries alike, in O(1) memory.
 */
public final class EcdfComparison {
    private final double totalA;
    private final double totalB;
    private double cumulativeA;
    private double cumulativeB;
    private double previousValue = Double.NaN;
    private double previousGap;
    private double supremum;
    private double area;

    /** @param totalA total weight of a (its sample size), totalB likewise */
    public EcdfComparison(double totalA, double totalB) {
        if (!(totalA > 0) || !(totalB > 0)) {
            throw new IllegalArgumentException("both distributions need positive total weight");
        }
        this.totalA = totalA;
        this.totalB = totalB;
    }

    /** Adds the group at {@code value} (strictly greater than the previous one). */
    public void add(double value, double weightA, double weightB) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("NaN has no place in an empirical CDF");
        }
        if (!Double.isNaN(previousValue)) {
            if (!(value > previousValue)) {
                throw new IllegalArgumentException("values must arrive in strictly ascending order");
            }
            area += previousGap * (value - previousValue);
        }
        cumulativeA += weightA;
        cumulativeB += weightB;
        double gap = Math.abs(cumulativeA / totalA - cumulativeB / totalB);
        supremum = Math.max(supremum, gap);
        previousGap = gap;
        previousValue = value;
    }

    /** Adds two whole ascending samples, merging equal values into one group. */
    public void addSorted(double[] sortedA, double[] sortedB) {
        int i = 0;
        int j = 0;
        while (i < sortedA.length || j < sortedB.length) {
            double value = Math.min(i < sortedA.length ? sortedA[i] : Double.POSITIVE_INFINITY,
                    j < sortedB.length ? sortedB[j] : Double.POSITIVE_INFINITY);
            long countA = 0;
            long countB = 0;
            while (i < sortedA.length && sortedA[i] == value) {
                countA++;
                i++;
            }
            while (j < sortedB.length && sortedB[j] == value) {
                countB++;
                j++;
            }
            add(value, countA, countB);
        }
    }

    /** sup |F_a − F_b| over the values seen. */
    public double ksStatistic() {
        return supremum;
    }

    /** ∫ |F_a − F_b| dx, the 1-D Wasserstein (earth mover's) distance once all values are in. */
    public double wasserstein() {
        return area;
    }
}
