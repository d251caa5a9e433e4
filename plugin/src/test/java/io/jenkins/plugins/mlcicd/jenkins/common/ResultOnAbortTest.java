package io.jenkins.plugins.mlcicd.jenkins.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlcicd.result.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultOnAbortTest {
    private static final String DOCUMENT = """
            {"schema": "mlcicd/shadow/v1", "kind": "shadow", "verdict": "INCONCLUSIVE",
             "summary": "aborted after 1200 requests", "startedAt": "2026-12-07T04:00:00Z", "durationMs": 5000,
             "checks": [], "stopReason": "aborted"}
            """;

    /** A clock that moves only when slept on. */
    private long now;
    private final List<Long> sleeps = new ArrayList<>();

    private ResultOnAbort.Read reads(String... texts) {
        // the last text stays: the file does not go away
        int[] next = {0};
        return () -> texts[Math.min(next[0]++, texts.length - 1)];
    }

    private void sleep(long millis) {
        sleeps.add(millis);
        now += millis * 1_000_000;
    }

    @Test
    void waitsForTheFileAndRereadsAHalfWrittenOne() throws Exception {
        var document = ResultOnAbort.await(reads(null, null, DOCUMENT.substring(0, 40), DOCUMENT), Duration.ofSeconds(20),
                this::sleep, () -> now);

        assertThat(document).isNotNull();
        assertThat(document.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(document.fields().path("stopReason").asText()).isEqualTo("aborted");
        assertThat(sleeps).hasSize(3).allMatch(millis -> millis == ResultOnAbort.POLL_MILLIS);
    }

    @Test
    void givesUpWhenTheGraceIsOver() throws Exception {
        var document = ResultOnAbort.await(reads((String) null), Duration.ofSeconds(2), this::sleep, () -> now);

        assertThat(document).isNull();
        assertThat(now).isGreaterThanOrEqualTo(Duration.ofSeconds(2).toNanos()).isLessThan(Duration.ofMillis(2200).toNanos());
    }

    @Test
    void aDocumentThatIsThereAtOnceIsReadWithoutWaiting() throws Exception {
        assertThat(ResultOnAbort.await(reads(DOCUMENT), Duration.ofSeconds(20), this::sleep, () -> now)).isNotNull();
        assertThat(sleeps).isEmpty();
    }
}
