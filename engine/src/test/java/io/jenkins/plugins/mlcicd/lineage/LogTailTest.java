package io.jenkins.plugins.mlcicd.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogTailTest {
    @Test
    void keepsTheLastLinesOfBothStreamsInArrivalOrder() {
        LogTail tail = new LogTail(3);
        tail.append(LogTail.STDOUT, "one\ntwo\r\n");
        tail.append(LogTail.STDERR, "Traceback\n");
        tail.append(LogTail.STDOUT, "thr");
        tail.append(LogTail.STDOUT, "ee\nfour");
        assertThat(tail.lines()).containsExactly("Traceback", "three", "four");
    }

    @Test
    void partialLinesOfTwoStreamsDoNotMix() {
        LogTail tail = new LogTail(10);
        tail.append(LogTail.STDOUT, "epoch 1 ");
        tail.append(LogTail.STDERR, "warning: x\n");
        tail.append(LogTail.STDOUT, "done\n");
        assertThat(tail.lines()).containsExactly("warning: x", "epoch 1 done");
    }

    @Test
    void theLatestErrorsSurviveEvenWhenTheirPipeWasReadFirst() {
        LogTail tail = new LogTail(4);
        tail.append(LogTail.STDERR, "warning: old\nKeyError: amount\n"); // read before stdout's buffered lines
        for (int i = 1; i <= 10; i++) {
            tail.append(LogTail.STDOUT, "line " + i + "\n");
        }
        assertThat(tail.lines()).containsExactly("warning: old", "KeyError: amount", "line 9", "line 10");
    }

    @Test
    void withoutErrorsAllLinesGoToStdout() {
        LogTail tail = new LogTail(3);
        for (int i = 1; i <= 5; i++) {
            tail.append(LogTail.STDOUT, "line " + i + "\n");
        }
        assertThat(tail.lines()).containsExactly("line 3", "line 4", "line 5");
    }

    @Test
    void aLineWithoutNewlinesCannotGrowWithoutBound() {
        LogTail tail = new LogTail(2);
        tail.append(LogTail.STDOUT, "x".repeat(LogTail.MAX_LINE_CHARS * 3));
        assertThat(tail.lines()).hasSize(2).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(LogTail.MAX_LINE_CHARS + 2));
    }
}
