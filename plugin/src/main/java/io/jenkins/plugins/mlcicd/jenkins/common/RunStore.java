package io.jenkins.plugins.mlcicd.jenkins.common;

import hudson.model.Run;
import io.jenkins.plugins.mlcicd.input.StructuredFiles;
import io.jenkins.plugins.mlcicd.report.ResultDocumentJson;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.ResultKind;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Where a step keeps its files with the build: {@code <build dir>/mlcicd/<kind>/<id>/}. They live and
 * are deleted with the build; the build's action only keeps what the build page needs.
 */
public final class RunStore {
    public static final String RESULT_FILE = "result.json";

    private RunStore() {
    }

    // No path traversal: id is validated by StepOptions: letters, digits, '-' and '_' only.
    public static Path directory(File runRootDir, ResultKind kind, String id) {
        return runRootDir.toPath().resolve("mlcicd").resolve(kind.id()).resolve(id);
    }

    public static Path directory(Run<?, ?> run, ResultKind kind, String id) {
        return directory(run.getRootDir(), kind, id);
    }

    /** Writes atomically, so that a reader (the next build looking for its reference) never sees half a file. */
    public static void writeText(Path file, String text) throws IOException {
        try {
            ResultDocumentJson.writeAtomically(file, text);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    public static void writeResult(Path directory, ResultDocument document) throws IOException {
        writeText(directory.resolve(RESULT_FILE), ResultDocumentJson.toJsonString(document));
    }

    /** The stored result document; {@code BadInputException} when it is missing or damaged. */
    public static ResultDocument readResult(Path directory) {
        return ResultDocumentJson.read(directory.resolve(RESULT_FILE));
    }

    /** A stored text file; {@code BadInputException} when it is missing. */
    public static String readText(Path file) {
        return StructuredFiles.readText(file);
    }
}
