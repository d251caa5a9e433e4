package io.jenkins.plugins.mlcicd.jenkins.train;

import hudson.model.Fingerprint;
import hudson.model.FingerprintMap;
import hudson.model.Run;
import hudson.tasks.Fingerprinter;
import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jenkins.model.Jenkins;

/**
 * Records the model and the training data as Jenkins fingerprints, like the {@code fingerprint}
 * step does: the model as produced by this build, data as used by it; and lists them on the
 * build's "See Fingerprints" page. Jenkins' own fingerprint pages then answer "which builds used
 * this data file" and "which build produced this model".
 */
final class Fingerprints {
    /** A data directory of many small files would otherwise flood the controller's fingerprint store. */
    static final int MAX_FILES = 1000;

    /** Where fingerprints go: Jenkins' fingerprint store and the build's fingerprint list (a seam for tests). */
    interface Store {
        /** Records one file for the build; returns the fingerprint's id (its MD5 as Jenkins writes it). */
        String record(FileFingerprint file) throws IOException;

        /** Adds {@code records} (workspace path → fingerprint id) to the build's "See Fingerprints" list. */
        void list(Map<String, String> records);
    }

    private Fingerprints() {
    }

    /** The build's fingerprints in Jenkins. */
    static Store of(Run<?, ?> run) {
        return new Store() {
            @Override
            public String record(FileFingerprint file) throws IOException {
                FingerprintMap map = Jenkins.get().getFingerprintMap();
                Fingerprint fingerprint = map.getOrCreate(file.produced() ? run : null, file.fileName(), file.md5());
                fingerprint.addFor(run);
                return fingerprint.getHashString();
            }

            @Override
            public void list(Map<String, String> records) {
                Fingerprinter.FingerprintAction action = run.getAction(Fingerprinter.FingerprintAction.class);
                if (action == null) {
                    run.addAction(new Fingerprinter.FingerprintAction(run, records));
                } else {
                    action.add(records);
                }
            }
        };
    }

    /** @return how many files were recorded */
    static int record(Store store, List<FileFingerprint> files, PrintStream log, String prefix) throws IOException {
        List<FileFingerprint> recorded = limited(files);
        if (recorded.size() < files.size()) {
            log.println(prefix + "fingerprinting the first " + MAX_FILES + " of " + files.size() + " files (the model first)");
        }
        Map<String, String> records = new LinkedHashMap<>();
        for (FileFingerprint file : recorded) {
            records.put(file.path(), store.record(file));
        }
        if (!records.isEmpty()) {
            store.list(records);
        }
        return records.size();
    }

    /** The model's files first (they are what a fingerprint search starts from), then the data, at most {@link #MAX_FILES}. */
    static List<FileFingerprint> limited(List<FileFingerprint> files) {
        return Stream.concat(files.stream().filter(FileFingerprint::produced), files.stream().filter(file -> !file.produced()))
                .limit(MAX_FILES)
                .toList();
    }
}
