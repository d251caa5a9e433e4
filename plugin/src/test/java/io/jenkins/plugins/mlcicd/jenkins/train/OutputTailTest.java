package io.jenkins.plugins.mlcicd.jenkins.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlcicd.lineage.LogTail;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputTailTest {
    @Test
    void passesEverythingOnAndKeepsTheLastLines() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        LogTail tail = new LogTail(2);
        OutputTail out = new OutputTail(log, tail);
        byte[] text = "epoch 1\nepoch 2\nloss ≈ 0.3\nValueError: bad col".getBytes(StandardCharsets.UTF_8);
        // split inside the multi-byte character: decoding happens per line, so it survives
        out.write(text, 0, 22);
        out.write(text, 22, text.length - 22);
        out.finish();
        assertThat(log.toString(StandardCharsets.UTF_8)).isEqualTo("epoch 1\nepoch 2\nloss ≈ 0.3\nValueError: bad col");
        assertThat(tail.lines()).containsExactly("loss ≈ 0.3", "ValueError: bad col");
    }

    @Test
    void aLineWithoutNewlineIsHandedOverInPieces() throws Exception {
        LogTail tail = new LogTail(10);
        OutputTail out = new OutputTail(java.io.OutputStream.nullOutputStream(), tail);
        for (int i = 0; i < OutputTail.MAX_LINE_BYTES * 2 + 5; i++) {
            out.write('x');
        }
        out.finish();
        List<String> lines = tail.lines();
        assertThat(lines.size()).isGreaterThan(2);
        assertThat(String.join("", lines).chars().filter(c -> c == 'x').count()).isEqualTo(OutputTail.MAX_LINE_BYTES * 2 + 5);
    }
}
