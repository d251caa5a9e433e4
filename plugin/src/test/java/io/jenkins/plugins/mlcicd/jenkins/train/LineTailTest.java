package io.jenkins.plugins.mlcicd.jenkins.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineTailTest {
    @Test
    void keepsTheLastLinesOfWholeLineChunks() {
        LineTail tail = new LineTail(3);
        tail.accept("");
        tail.accept("epoch 1\nepoch 2\n");
        tail.accept("epoch 3\r\nepoch 4\n");
        assertThat(tail.lines()).containsExactly("epoch 2", "epoch 3", "epoch 4");
        tail.accept("unfinished");
        assertThat(tail.lines()).containsExactly("epoch 3", "epoch 4", "unfinished");
    }

    @Test
    void cutsAVeryLongLine() {
        LineTail tail = new LineTail(2);
        tail.accept("x".repeat(LineTail.MAX_LINE + 10) + "\n");
        assertThat(tail.lines().get(0)).hasSize(LineTail.MAX_LINE + 1).endsWith("…");
    }
}
