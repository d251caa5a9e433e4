package io.jenkins.plugins.mlcicd.jenkins.common;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.FilePath;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.jenkinsci.plugins.durabletask.Controller;
import org.junit.jupiter.api.Test;

/** The log copy that mlCanary and mlTrain share: whole lines, masked, the rest when the task ended. */
class DurableScriptTest {
    /** A durable task's controller whose log grows by the given chunks, one per read. */
    private static final class GrowingLog extends Controller {
        private static final long serialVersionUID = 1L;
        private final transient Deque<String> chunks;

        GrowingLog(String... chunks) {
            this.chunks = new ArrayDeque<>(List.of(chunks));
        }

        @Override
        public boolean writeLog(FilePath workspace, OutputStream sink) throws java.io.IOException {
            String chunk = chunks.poll();
            if (chunk == null) {
                return false;
            }
            sink.write(chunk.getBytes(StandardCharsets.UTF_8));
            return true;
        }

        @Override
        public void cleanup(FilePath workspace) {
        }
    }

    @Test
    void copiesWholeMaskedLinesAndTheRestAtTheEnd() throws Exception {
        GrowingLog controller = new GrowingLog("epoch 1 token=s3", "cret\nepoch 2 ", "");
        LogMasker masker = new LogMasker(List.of("s3cret"));
        ByteArrayOutputStream buildLog = new ByteArrayOutputStream();
        PrintStream log = new PrintStream(buildLog, true, StandardCharsets.UTF_8);

        DurableScript.Copied first = DurableScript.copyLog(null, controller, masker, log, false);
        assertThat(first.text()).isEmpty(); // the secret may go on in the next chunk: nothing yet
        assertThat(first.wrote()).isTrue(); // but the task's log advanced: the execution must be saved

        DurableScript.Copied second = DurableScript.copyLog(null, controller, masker, log, false);
        assertThat(second.text()).isEqualTo("epoch 1 token=****\n");

        DurableScript.Copied last = DurableScript.copyLog(null, controller, masker, log, true);
        assertThat(last.text()).isEqualTo("epoch 2 ");
        assertThat(buildLog.toString(StandardCharsets.UTF_8)).isEqualTo("epoch 1 token=****\nepoch 2 ");

        DurableScript.Copied nothing = DurableScript.copyLog(null, controller, masker, log, true);
        assertThat(nothing.text()).isEmpty();
        assertThat(nothing.wrote()).isFalse();
    }
}
