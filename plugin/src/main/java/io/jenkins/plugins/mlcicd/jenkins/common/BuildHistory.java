package io.jenkins.plugins.mlcicd.jenkins.common;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** Walking back through a job's builds, kept free of Jenkins types so that it is unit-tested as it is. */
public final class BuildHistory {
    /**
     * How many builds a walk looks at, at most. Each {@code getPreviousBuild()} may load a build record
     * from disk; a long job where nothing matches must not load all of them on one step or page view.
     */
    public static final int MAX_BUILDS = 100;

    private BuildHistory() {
    }

    /** {@link #firstMatch(Object, UnaryOperator, Function, int)} over at most {@value #MAX_BUILDS} builds. */
    public static <B, T> Optional<T> firstMatch(B start, UnaryOperator<B> previous, Function<B, Optional<T>> match) {
        return firstMatch(start, previous, match, MAX_BUILDS);
    }

    /**
     * The first match, looking at {@code start} and then each build before it, at most {@code limit} builds.
     *
     * @param start    the newest build to look at, or null for none
     * @param previous the build before a build, or null at the first one
     * @param match    what a build offers, or empty when it does not qualify
     */
    public static <B, T> Optional<T> firstMatch(B start, UnaryOperator<B> previous, Function<B, Optional<T>> match, int limit) {
        int seen = 0;
        for (B build = start; build != null && seen < limit; build = previous.apply(build), seen++) {
            Optional<T> found = match.apply(build);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
