package io.jenkins.plugins.mlcicd.jenkins.common;

import hudson.FilePath;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.input.Utf8;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Reads the small text files a step takes from the workspace (policies, metrics, contracts) into
 * the controller. Bigger inputs (datasets, predictions) are never read this way: they are processed
 * on the agent (DESIGN.md §4).
 */
public final class WorkspaceFiles {
    /** Far above any policy or metrics file; keeps a wrong path (a dataset) from filling the controller's heap. */
    public static final long MAX_BYTES = 16L * 1024 * 1024;

    private WorkspaceFiles() {
    }

    /**
     * The file's text, strictly UTF-8.
     *
     * @param path relative to the workspace (or absolute on the agent), as the user wrote it
     * @param role what the file is for, e.g. {@code candidate metrics}; used in errors
     * @throws BadInputException when the file is missing, a directory, too big or not UTF-8
     */
    public static String readText(FilePath workspace, String path, String role) throws IOException, InterruptedException {
        if (path == null || path.isBlank()) {
            throw new BadInputException(role + ": no file given");
        }
        FilePath file = workspace.child(path);
        if (!file.exists()) {
            throw new BadInputException(path + ": " + role + " file not found (workspace " + workspace.getRemote() + ")");
        }
        if (file.isDirectory()) {
            throw new BadInputException(path + ": " + role + " is a directory, not a file");
        }
        long size = file.length();
        if (size > MAX_BYTES) {
            throw new BadInputException(path + ": " + role + " file has " + size + " bytes; at most " + MAX_BYTES + " are read");
        }
        byte[] bytes;
        try (InputStream in = file.read()) {
            bytes = in.readNBytes((int) MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) {
            throw new BadInputException(path + ": " + role + " file grew beyond " + MAX_BYTES + " bytes while being read");
        }
        return Utf8.decode(displayPath(path), bytes);
    }

    // No path traversal: only names the file in an error message; nothing is opened.
    private static Path displayPath(String path) {
        try {
            return Path.of(path);
        } catch (InvalidPathException e) {
            throw new BadInputException(path + ": not a valid file name", e);
        }
    }
}
