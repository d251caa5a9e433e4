package io.jenkins.plugins.mlcicd.jenkins.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaskingOutputStreamTest {
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    private String text() {
        return log.toString(StandardCharsets.UTF_8);
    }

    private MaskingOutputStream masking(String... secrets) {
        return new MaskingOutputStream(log, Arrays.asList(secrets), StandardCharsets.UTF_8);
    }

    private static void write(MaskingOutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void masksEveryOccurrenceOnALine() throws IOException {
        MaskingOutputStream out = masking("s3cret-token");
        write(out, "calling with s3cret-token and again s3cret-token\nplain line\n");

        assertThat(text()).isEqualTo("calling with **** and again ****\nplain line\n");
    }

    @Test
    void aSecretSplitOverManyWritesIsStillMasked() throws IOException {
        MaskingOutputStream out = masking("s3cret-token");
        for (byte b : "error: Bearer s3cret-token rejected\n".getBytes(StandardCharsets.UTF_8)) {
            out.write(b);
            // a flush in between must not pass on half a secret
            out.flush();
        }

        assertThat(text()).isEqualTo("error: Bearer **** rejected\n");
    }

    @Test
    void aLineIsHeldUntilItEndsAndCloseReleasesTheLastOne() throws IOException {
        MaskingOutputStream out = masking("s3cret-token");
        write(out, "first s3cret");
        out.flush();
        assertThat(text()).isEmpty();

        write(out, "-token\nlast s3cret-token");
        assertThat(text()).isEqualTo("first ****\n");
        out.close();
        assertThat(text()).isEqualTo("first ****\nlast ****");
    }

    @Test
    void theLongerOfTwoOverlappingSecretsIsMaskedWhole() throws IOException {
        MaskingOutputStream out = masking("abc123", "Bearer abc123");
        write(out, "Authorization: Bearer abc123; token abc123\n");

        assertThat(text()).isEqualTo("Authorization: ****; token ****\n");
    }

    @Test
    void withoutSecretsOutputPassesUnchangedAndAtOnce() throws IOException {
        MaskingOutputStream out = masking();
        write(out, "no line end yet");

        assertThat(out.masks()).isFalse();
        assertThat(text()).isEqualTo("no line end yet");
    }

    @Test
    void tooShortAndNullValuesAreNotMasked() throws IOException {
        MaskingOutputStream out = new MaskingOutputStream(log, Arrays.asList("ab", null, ""), StandardCharsets.UTF_8);
        write(out, "about a cab\n");

        assertThat(out.masks()).isFalse();
        assertThat(text()).isEqualTo("about a cab\n");
    }

    @Test
    void aVeryLongLineIsPassedOnInPartsWithoutLettingASecretThroughAtTheCut() throws IOException {
        String secret = "0123456789abcdef";
        MaskingOutputStream out = new MaskingOutputStream(log, List.of(secret), StandardCharsets.UTF_8, 64);
        StringBuilder line = new StringBuilder();
        // secrets at every offset relative to the part boundaries
        for (int i = 0; i < 40; i++) {
            line.append("x".repeat(i % 7)).append(secret);
        }
        write(out, line.toString());
        assertThat(text()).as("parts of the unfinished line are passed on").isNotEmpty().doesNotContain(secret);
        assertThat(text().length()).isLessThan(line.length());

        write(out, "\n");
        assertThat(text()).isEqualTo(line.toString().replace(secret, "****") + "\n");
    }

    @Test
    void multiByteTextAroundASecretSurvives() throws IOException {
        MaskingOutputStream out = masking("pässwort");
        write(out, "größe pässwort ✓\n");

        assertThat(text()).isEqualTo("größe **** ✓\n");
    }
}
