package io.jenkins.plugins.mlcicd.shadow;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes every request's id and both scores to a CSV file as the replay goes, so that labels can be
 * joined afterwards without holding the scores in memory.
 */
final class ScoreSpool implements PairSink, Closeable {
    private final Path file;
    private final BufferedWriter out;

    ScoreSpool(Path file) {
        this.file = file;
        try {
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            out.write("key,baseline,candidate\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void accept(String id, String slice, Answer baseline, Answer candidate) {
        try {
            out.write('"');
            out.write(id.replace("\"", "\"\""));
            out.write("\",");
            out.write(baseline.ok() ? Double.toString(baseline.score()) : "");
            out.write(',');
            out.write(candidate.ok() ? Double.toString(candidate.score()) : "");
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    Path file() {
        return file;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
