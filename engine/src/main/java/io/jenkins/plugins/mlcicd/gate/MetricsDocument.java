package io.jenkins.plugins.mlcicd.gate;

import java.nio.file.Path;

/** Candidate or baseline metrics (API placeholder). */
public final class MetricsDocument {
    private final String source;

    private MetricsDocument(String source) {
        this.source = source;
    }

    public static MetricsDocument read(Path file) {
        throw new UnsupportedOperationException("not yet");
    }

    public static MetricsDocument parse(String source, String text) {
        throw new UnsupportedOperationException("not yet");
    }

    public String source() {
        return source;
    }

    public String toJson() {
        throw new UnsupportedOperationException("not yet");
    }
}
