package io.jenkins.plugins.mlcicd.jenkins.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlcicd.result.Verdict;
import org.junit.jupiter.api.Test;

class EngineExitTest {
    @Test
    void exitCodesAsTheCliDefinesThem() {
        for (Verdict verdict : Verdict.values()) {
            assertThat(EngineExit.of(verdict.exitCode())).as("%s", verdict).isEqualTo(EngineExit.RESULT);
        }
        assertThat(EngineExit.of(2)).isEqualTo(EngineExit.BAD_INPUT);
        assertThat(EngineExit.of(137)).isEqualTo(EngineExit.CRASH);
        assertThat(EngineExit.of(-1)).isEqualTo(EngineExit.CRASH);
        assertThat(EngineExit.of(5)).isEqualTo(EngineExit.CRASH);
    }

    @Test
    void badInputIsTheCliLastOneLineMessage() {
        String stderr = "WARNING: something from the JVM\nmlcicd: first\nmlcicd: data/x.csv: line 3: expected 2 fields, found 3\n"
                + "Run 'mlcicd validate --help' for usage.\n";
        assertThat(EngineExit.badInputMessage(stderr)).isEqualTo("data/x.csv: line 3: expected 2 fields, found 3");
        assertThat(EngineExit.badInputMessage("no prefix here\n\n")).isEqualTo("no prefix here");
        assertThat(EngineExit.badInputMessage("")).contains("exit code 2");
        assertThat(EngineExit.badInputMessage(null)).contains("exit code 2");
    }

    @Test
    void lastLineOfACrash() {
        assertThat(EngineExit.lastLine("Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space\n\tat x\n"))
                .isEqualTo("at x");
        assertThat(EngineExit.lastLine("  \n")).isNull();
    }
}
