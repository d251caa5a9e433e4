package io.jenkins.plugins.mlcicd.shadow;

/**
 * How answers are compared.
 *
 * @param threshold     a score at or above it is a positive decision (unless responses carry a decision)
 * @param reservoirSize compared pairs kept for PSI/KS/JS and the p99 of |difference|
 * @param worst         disagreeing requests kept as samples
 */
public record CompareOptions(double threshold, int reservoirSize, int worst) {
    public static final int DEFAULT_RESERVOIR = 100_000;
    public static final int DEFAULT_WORST = 20;

    public CompareOptions {
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("--threshold must be a finite number");
        }
        if (reservoirSize < 100) {
            throw new IllegalArgumentException("--sample-size must be at least 100, got " + reservoirSize);
        }
        if (worst < 0) {
            throw new IllegalArgumentException("--samples must not be negative");
        }
    }
}
