package io.jenkins.plugins.mlcicd.jenkins.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StreamTailTest {
    @Test
    void passesEverythingOnAndKeepsTheTail() throws IOException {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        StreamTail tail = new StreamTail(log, 8);

        tail.write("hello ".getBytes(StandardCharsets.UTF_8));
        tail.write('w');
        tail.write("--orld!".getBytes(StandardCharsets.UTF_8), 2, 5);
        tail.close();

        assertThat(log.toString(StandardCharsets.UTF_8)).isEqualTo("hello world!");
        assertThat(tail.text()).isEqualTo("o world!");
    }

    @Test
    void shortOutputIsKeptWhole() throws IOException {
        StreamTail tail = new StreamTail(new ByteArrayOutputStream(), 1024);
        tail.write("mlcicd: ü\n".getBytes(StandardCharsets.UTF_8));
        assertThat(tail.text()).isEqualTo("mlcicd: ü\n");
        assertThat(new StreamTail(new ByteArrayOutputStream(), 4).text()).isEmpty();
    }
}
