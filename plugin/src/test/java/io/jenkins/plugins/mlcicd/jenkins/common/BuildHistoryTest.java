package io.jenkins.plugins.mlcicd.jenkins.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BuildHistoryTest {
    /** Builds 1..5; build n's previous is n-1, build 1 has none. */
    private static Integer previous(Integer build) {
        return build > 1 ? build - 1 : null;
    }

    @Test
    void newestMatchingBuildWinsAndOlderOnesAreNotVisited() {
        List<Integer> visited = new ArrayList<>();

        Optional<String> found = BuildHistory.firstMatch(5, BuildHistoryTest::previous, build -> {
            visited.add(build);
            return build % 2 == 0 ? Optional.of("build " + build) : Optional.empty();
        });

        assertThat(found).contains("build 4");
        assertThat(visited).containsExactly(5, 4);
    }

    @Test
    void walksToTheFirstBuildAndFindsNothing() {
        List<Integer> visited = new ArrayList<>();

        Optional<String> found = BuildHistory.firstMatch(3, BuildHistoryTest::previous, build -> {
            visited.add(build);
            return Optional.empty();
        });

        assertThat(found).isEmpty();
        assertThat(visited).containsExactly(3, 2, 1);
    }

    @Test
    void noBuildAtAll() {
        assertThat(BuildHistory.<Integer, String>firstMatch(null, BuildHistoryTest::previous, build -> Optional.of("x"))).isEmpty();
    }

    @Test
    void looksAtNoMoreThanTheLimit() {
        List<Integer> visited = new ArrayList<>();

        Optional<String> found = BuildHistory.firstMatch(5, BuildHistoryTest::previous, build -> {
            visited.add(build);
            return build == 1 ? Optional.of("first") : Optional.empty();
        }, 3);

        assertThat(found).isEmpty();
        assertThat(visited).containsExactly(5, 4, 3);
    }

    @Test
    void theDefaultWalkIsBounded() {
        List<Integer> visited = new ArrayList<>();

        // an endless history: every build has a previous one
        Optional<String> found = BuildHistory.firstMatch(1_000_000, build -> build - 1, build -> {
            visited.add(build);
            return Optional.<String>empty();
        });

        assertThat(found).isEmpty();
        assertThat(visited).hasSize(BuildHistory.MAX_BUILDS).endsWith(1_000_000 - BuildHistory.MAX_BUILDS + 1);
    }
}
