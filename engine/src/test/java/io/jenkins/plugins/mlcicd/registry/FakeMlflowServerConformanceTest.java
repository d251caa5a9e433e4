package io.jenkins.plugins.mlcicd.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The hand-written {@link FakeMlflowServer} (used for the faults a healthy server does not produce: 5xx,
 * 429, dropped connections) answers every recorded scenario as the real MLflow servers did: the same
 * calls, statuses and error codes, exchange by exchange. Each difference found when the recordings were
 * first made was a bug in the fake, fixed there (docs/training.md lists them).
 */
class FakeMlflowServerConformanceTest {
    @TestFactory
    Stream<DynamicContainer> theFakeAnswersLikeTheRecordedServers() {
        return MlflowRecordedReplayTest.VERSIONS.stream().map(version -> DynamicContainer.dynamicContainer("MLflow " + version,
                MlflowScenarios.ALL.stream().filter(s -> !s.auth() && s.replayable()).map(scenario -> DynamicTest.dynamicTest(scenario.name(),
                        () -> assertThat(FakeVersusRecorded.differences(MlflowRecordedReplayTest.recordings().resolve(version), scenario,
                                version.startsWith("2.") ? 5000 : 100_000)).isEmpty()))));
    }
}
