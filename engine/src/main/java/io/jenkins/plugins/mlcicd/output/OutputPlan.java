package io.jenkins.plugins.mlcicd.output;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The outputs of one command, checked together before any work: each can be written ({@link OutputFile#of}),
 * none names one of the command's inputs (writing the result over the data, metrics or contract it was
 * computed from destroys them), and no two name the same file or both standard output (one would silently
 * overwrite or interleave with the other). Files are compared by what they resolve to, so {@code ./a},
 * {@code a} and a link to {@code a} are the same file.
 */
public final class OutputPlan {
    private final List<OutputFile> outputs;

    private OutputPlan(List<OutputFile> outputs) {
        this.outputs = List.copyOf(outputs);
    }

    /**
     * @param outputs option name → path, for every output option that was given
     * @param inputs option name → path, for every input file, directory or glob that was given
     * @throws BadInputException (exit 2) naming the options in conflict
     */
    public static OutputPlan check(Map<String, Path> outputs, Map<String, Path> inputs) {
        List<OutputFile> files = new ArrayList<>();
        outputs.forEach((option, path) -> files.add(OutputFile.of(option, path)));
        for (int i = 0; i < files.size(); i++) {
            OutputFile a = files.get(i);
            for (int j = i + 1; j < files.size(); j++) {
                OutputFile b = files.get(j);
                if (sameDestination(a, b)) {
                    throw new BadInputException(a + " and " + b + " name the same "
                            + (a.target() == null ? "stream" : "file") + "; give each output its own file");
                }
            }
            if (a.kind() != OutputFile.Kind.DOCUMENT) {
                continue; // writing to a device or stdout cannot destroy an input file
            }
            for (Map.Entry<String, Path> input : inputs.entrySet()) {
                if (sameFile(a.target(), input.getValue())) {
                    throw new BadInputException(a + " is the input " + input.getKey() + " " + input.getValue()
                            + "; writing there would destroy it — choose another output file");
                }
            }
        }
        return new OutputPlan(files);
    }

    public List<OutputFile> outputs() {
        return outputs;
    }

    /** Whether any output goes to standard output. */
    public boolean usesStandardOutput() {
        return outputs.stream().anyMatch(OutputFile::isStandardOutput);
    }

    private static boolean sameDestination(OutputFile a, OutputFile b) {
        if (a.target() == null || b.target() == null) {
            return a.kind() == b.kind();
        }
        return a.kind() != OutputFile.Kind.STREAM && sameFile(a.target(), b.target());
    }

    /** Same file by identity when both exist (hard links, bind mounts), by resolved path otherwise. */
    static boolean sameFile(Path output, Path input) {
        Path in = input.toAbsolutePath().normalize();
        if (output.equals(in)) {
            return true;
        }
        if (Files.exists(output) && Files.exists(in)) {
            try {
                return Files.isSameFile(output, in);
            } catch (IOException e) {
                return false;
            }
        }
        try {
            return Files.exists(in) && output.equals(in.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }
}
