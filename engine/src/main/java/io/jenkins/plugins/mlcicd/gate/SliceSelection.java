package io.jenkins.plugins.mlcicd.gate;

import java.util.List;

/**
 * Which slices a rule applies to: {@code overall} (the top-level metrics), {@code all} (every
 * slice of the candidate), {@code top:N} (the N largest slices of the candidate by {@code count},
 * ties broken by name) or a list of slice names.
 *
 * @param mode  the kind of selection
 * @param top   N for {@link Mode#TOP}, else 0
 * @param names the slice names for {@link Mode#NAMED}, else empty
 */
public record SliceSelection(Mode mode, int top, List<String> names) {
    public static final SliceSelection OVERALL = new SliceSelection(Mode.OVERALL, 0, List.of());
    public static final SliceSelection ALL = new SliceSelection(Mode.ALL, 0, List.of());

    public enum Mode {
        OVERALL,
        ALL,
        TOP,
        NAMED
    }

    public SliceSelection {
        names = List.copyOf(names);
        if ((mode == Mode.TOP) != (top > 0) || (mode == Mode.NAMED) == names.isEmpty()) {
            throw new IllegalArgumentException("inconsistent slice selection " + mode + " " + top + " " + names);
        }
    }

    public static SliceSelection top(int n) {
        return new SliceSelection(Mode.TOP, n, List.of());
    }

    public static SliceSelection named(List<String> names) {
        return new SliceSelection(Mode.NAMED, 0, names);
    }

    /** Whether the selection is just the top-level metrics ({@code overall}, or a list naming only {@code overall}). */
    public boolean overallOnly() {
        return mode == Mode.OVERALL || mode == Mode.NAMED && names.equals(List.of(MetricsDocument.OVERALL));
    }

    /** How the selection is written in a policy, and in check names when it selects nothing. */
    @Override
    public String toString() {
        return switch (mode) {
            case OVERALL -> "overall";
            case ALL -> "all";
            case TOP -> "top:" + top;
            case NAMED -> names.toString();
        };
    }
}
