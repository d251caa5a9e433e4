package io.jenkins.plugins.mlcicd.canary;

/**
 * What one query returned: a number (possibly NaN or ±Inf, as Prometheus sends them), or nothing
 * with the reason (an empty vector, a query error, an unreachable source).
 *
 * @param value       the number, or null when there is none
 * @param raw         the value as the source wrote it ({@code "NaN"}, {@code "+Inf"}), for messages
 * @param problem     why there is no usable number, or null
 * @param unreachable whether the source could not be reached at all (connection, timeout, 5xx)
 */
public record Reading(Double value, String raw, String problem, boolean unreachable) {
    public static Reading of(double value, String raw) {
        return new Reading(value, raw, null, false);
    }

    public static Reading empty(String problem) {
        return new Reading(null, null, problem, false);
    }

    public static Reading unreachable(String problem) {
        return new Reading(null, null, problem, true);
    }

    /** A finite number that a bound can be compared with. */
    public boolean usable() {
        return value != null && !value.isNaN();
    }
}
