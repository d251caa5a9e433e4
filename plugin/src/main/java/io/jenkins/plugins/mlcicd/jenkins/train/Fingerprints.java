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

    private Fingerprints() {
    }

    /** @return how many files were recorded */
    static int record(Run<?, ?> run, List<FileFingerprint> files, PrintStream log, String prefix) throws IOException {
        List<FileFingerprint> recorded = limited(files);
        if (recorded.size() < files.size()) {
            log.println(prefix + "fingerprinting the first " + MAX_FILES + " of " + files.size() + " files (the model first)");
        }
        FingerprintMap map = Jenkins.get().getFingerprintMap();
        Map<String, String> records = new LinkedHashMap<>();
        for (FileFingerprint file : recorded) {
            Fingerprint fingerprint = map.getOrCreate(file.produced() ? run : null, file.fileName(), file.md5());
            fingerprint.addFor(run);
            records.put(file.path(), fingerprint.getHashString());
        }
        if (records.isEmpty()) {
            return 0;
        }
        Fingerprinter.FingerprintAction action = run.getAction(Fingerprinter.FingerprintAction.class);
        if (action == null) {
            run.addAction(new Fingerprinter.FingerprintAction(run, records));
        } else {
            action.add(records);
        }
        return records.size();
    }

    /** The model's files first (they are what a fingerprint search starts from), then the data, at most {@link #MAX_FILES}. */
    static List<FileFingerprint> limited(List<FileFingerprint> files) {
        return java.util.stream.Stream.concat(files.stream().filter(FileFingerprint::produced),
                        files.stream().filter(file -> !file.produced()))
                .limit(MAX_FILES)
                .toList();
    }
}
