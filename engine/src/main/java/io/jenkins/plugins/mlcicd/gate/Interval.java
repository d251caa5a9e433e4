package io.jenkins.plugins.mlcicd.gate;

/** A closed interval {@code [low, high]} of a {@code within} bound; {@code low ≤ high}, both finite. */
public record Interval(double low, double high) {
    public Interval {
        if (!Double.isFinite(low) || !Double.isFinite(high) || low > high) {
            throw new IllegalArgumentException("not an interval: [" + low + ", " + high + "]");
        }
    }
}
