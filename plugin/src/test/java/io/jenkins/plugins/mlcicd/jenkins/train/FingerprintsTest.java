package io.jenkins.plugins.mlcicd.jenkins.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FingerprintsTest {
    /** Records what the plugin asks of Jenkins' fingerprint store and the build's list. */
    private static final class RecordingStore implements Fingerprints.Store {
        final List<FileFingerprint> recorded = new ArrayList<>();
        final Map<String, String> listed = new LinkedHashMap<>();
        int listCalls;

        @Override
        public String record(FileFingerprint file) {
            recorded.add(file);
            return file.md5();
        }

        @Override
        public void list(Map<String, String> records) {
            listCalls++;
            listed.putAll(records);
        }
    }

    @Test
    void modelFirstThenDataAllListedOnce() throws Exception {
        RecordingStore store = new RecordingStore();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int count = Fingerprints.record(store, List.of(new FileFingerprint("data/a.csv", "aa", false),
                new FileFingerprint("out/model.bin", "mm", true)), new PrintStream(log, true, StandardCharsets.UTF_8), "[p] ");
        assertThat(count).isEqualTo(2);
        assertThat(store.recorded).extracting(FileFingerprint::path).containsExactly("out/model.bin", "data/a.csv");
        assertThat(store.listed).containsExactly(Map.entry("out/model.bin", "mm"), Map.entry("data/a.csv", "aa"));
        assertThat(store.listCalls).isEqualTo(1);
        assertThat(log.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void nothingToRecordListsNothing() throws Exception {
        RecordingStore store = new RecordingStore();
        assertThat(Fingerprints.record(store, List.of(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), "")).isZero();
        assertThat(store.listCalls).isZero();
    }

    @Test
    void manyFilesAreCutAndTheLogSaysSo() throws Exception {
        List<FileFingerprint> files = new ArrayList<>();
        for (int i = 0; i < Fingerprints.MAX_FILES + 5; i++) {
            files.add(new FileFingerprint("data/" + i, "d" + i, false));
        }
        files.add(new FileFingerprint("out/model.bin", "m", true));
        RecordingStore store = new RecordingStore();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        assertThat(Fingerprints.record(store, files, new PrintStream(log, true, StandardCharsets.UTF_8), "[p] ")).isEqualTo(Fingerprints.MAX_FILES);
        assertThat(store.recorded.get(0).produced()).isTrue();
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("[p] fingerprinting the first 1000 of 1006 files (the model first)");
    }
}
