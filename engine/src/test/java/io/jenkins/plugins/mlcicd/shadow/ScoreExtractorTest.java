package io.jenkins.plugins.mlcicd.shadow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ScoreExtractorTest {
    private static Answer read(ScoreExtractor extractor, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return extractor.read(bytes, bytes.length, 5);
    }

    @Test
    void readsScoreAndDecisionByPointer() {
        ScoreExtractor extractor = new ScoreExtractor("/predictions/0/p", "/predictions/0/label");
        Answer answer = read(extractor, "{\"predictions\": [{\"p\": 0.75, \"label\": \"fraud\"}]}");
        assertThat(answer.ok()).isTrue();
        assertThat(answer.score()).isEqualTo(0.75);
        assertThat(answer.decision()).isEqualTo("fraud");
        assertThat(answer.latencyMicros()).isEqualTo(5);
    }

    @Test
    void classifiesWhatIsNotAScore() {
        ScoreExtractor extractor = new ScoreExtractor("/score", null);
        assertThat(read(extractor, "<html>").error()).isEqualTo(ErrorKind.UNPARSABLE);
        assertThat(read(extractor, "{\"score\": 1} trailing").error()).isEqualTo(ErrorKind.UNPARSABLE);
        assertThat(read(extractor, "").error()).isEqualTo(ErrorKind.UNPARSABLE);
        assertThat(read(extractor, "{\"other\": 1}").error()).isEqualTo(ErrorKind.MISSING_SCORE);
        assertThat(read(extractor, "{\"score\": null}").error()).isEqualTo(ErrorKind.MISSING_SCORE);
        assertThat(read(extractor, "{\"score\": [1]}").error()).isEqualTo(ErrorKind.MISSING_SCORE);
        assertThat(read(extractor, "{\"score\": \"abc\"}").error()).isEqualTo(ErrorKind.MISSING_SCORE);
        assertThat(read(extractor, "{\"score\": \"0.25\"}").score()).isEqualTo(0.25);
        assertThat(read(new ScoreExtractor("/score", "/label"), "{\"score\": 0.1}").error()).isEqualTo(ErrorKind.MISSING_SCORE);
    }

    @Test
    void followsThePointersThroughSkippedSiblingsAndRefusesMalformedOnes() {
        ScoreExtractor extractor = new ScoreExtractor("/out/1/p", "/out/1/label");
        String body = "{\"meta\": {\"x\": [1, {\"p\": 9}]}, \"out\": [{\"p\": 0.1, \"label\": 0}, {\"label\": 7, \"p\": \"0.6\"}]}";
        Answer answer = read(extractor, body);
        assertThat(answer.score()).isEqualTo(0.6);
        assertThat(answer.decision()).isEqualTo("7");
        assertThat(read(extractor, "{\"meta\": [1, }, \"out\": []}").error()).isEqualTo(ErrorKind.UNPARSABLE);
        assertThat(read(extractor, "{\"out\": [{}, {\"p\": 0.5, \"label\": true}]").error()).isEqualTo(ErrorKind.UNPARSABLE);
        assertThat(read(extractor, "{\"out\": [{}, {\"p\": 0.5, \"label\": true}]} {}").error()).isEqualTo(ErrorKind.UNPARSABLE);
        assertThat(read(extractor, "{\"out\": [{}, {\"p\": 0.5, \"label\": true}]}").decision()).isEqualTo("true");
        assertThat(read(extractor, "{\"out\": [{}, {\"p\": 0.5, \"label\": {}}]}").error()).isEqualTo(ErrorKind.MISSING_SCORE);
        assertThat(read(new ScoreExtractor("", null), "0.25").score()).isEqualTo(0.25);
        assertThat(read(new ScoreExtractor("/s", null), "{\"s\": 1e999}").error()).isEqualTo(ErrorKind.MISSING_SCORE);
    }

    @Test
    void refusesWhatIsNotAPointer() {
        assertThatThrownBy(() -> new ScoreExtractor("score", null))
                .hasMessageContaining("--score-pointer: 'score' is not a JSON Pointer");
    }
}
