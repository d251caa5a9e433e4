package io.jenkins.plugins.mlcicd.stats;

/**
 * Neumaier's compensated summation: the sum of many doubles with an error independent of their
 * number, so metrics over millions of rows agree with references to the last few bits.
 */
public final class CompensatedSum {
    private double sum;
    private double compensation;

    public void add(double value) {
        double t = sum + value;
        if (Math.abs(sum) >= Math.abs(value)) {
            compensation += (sum - t) + value;
        } else {
            compensation += (value - t) + sum;
        }
        sum = t;
    }

    public double value() {
        return sum + compensation;
    }
}
