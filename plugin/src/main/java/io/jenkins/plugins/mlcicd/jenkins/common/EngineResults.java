package io.jenkins.plugins.mlcicd.jenkins.common;

import io.jenkins.plugins.mlcicd.input.StructuredFiles;
import io.jenkins.plugins.mlcicd.report.ResultDocumentJson;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import java.nio.file.Path;

/** The result document the engine's JVM wrote with {@code --out}, checked against its exit code. */
public final class EngineResults {
    private EngineResults() {
    }

    /**
     * @param source   the file's name, for messages ({@code .json}: parsed as JSON)
     * @param text     its content
     * @param exitCode the JVM's exit code, which must be the document's verdict's
     * @throws IllegalStateException when the document's verdict does not match the exit code
     * @throws io.jenkins.plugins.mlcicd.input.BadInputException when it is not a result document
     */
    // No path traversal: only names the document in messages; nothing is opened.
    public static ResultDocument parse(String source, String text, int exitCode) {
        ResultDocument document = ResultDocumentJson.fromJson(Path.of(source), StructuredFiles.parseTree(source, text));
        if (document.verdict().exitCode() != exitCode) {
            throw new IllegalStateException("the engine ended with exit code " + exitCode + " but its result says "
                    + document.verdict() + " (exit code " + document.verdict().exitCode() + ")");
        }
        return document;
    }

    /**
     * A result document without the exit-code check: the one an engine wrote as it was stopped by a
     * signal (whose exit code is the signal's, not a verdict's).
     */
    // No path traversal: only names the document in messages; nothing is opened.
    public static ResultDocument parseAny(String source, String text) {
        return ResultDocumentJson.fromJson(Path.of(source), StructuredFiles.parseTree(source, text));
    }
}
