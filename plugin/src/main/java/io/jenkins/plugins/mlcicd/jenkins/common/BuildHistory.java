package io.jenkins.plugins.mlcicd.jenkins.common;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** Walking back through a job's builds, kept free of Jenkins types so that it is unit-tested as it is. */
public final class BuildHistory {
    private BuildHistory() {
    }

    /**
     * The first match, looking at {@code start} and then each build before it.
     *
     * @param start    the newest build to look at, or null for none
     * @param previous the build before a build, or null at the first one
     * @param match    what a build offers, or empty when it does not qualify
     */
    public static <B, T> Optional<T> firstMatch(B start, UnaryOperator<B> previous, Function<B, Optional<T>> match) {
        for (B build = start; build != null; build = previous.apply(build)) {
            Optional<T> found = match.apply(build);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
