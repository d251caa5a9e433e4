package io.jenkins.plugins.mlcicd.cli;

import io.jenkins.plugins.mlcicd.output.OutputPlan;
import java.lang.reflect.AnnotatedElement;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/** Checks the outputs of the command about to run against each other and its inputs, before any work (exit 2). */
final class OutputChecks {
    private OutputChecks() {
    }

    static void check(ParseResult parsed) {
        ParseResult leaf = parsed;
        while (leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
        }
        Map<String, Path> outputs = new LinkedHashMap<>();
        Map<String, Path> inputs = new LinkedHashMap<>();
        for (ArgSpec arg : leaf.matchedArgs()) {
            Object value = arg.getValue();
            String name = arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
            if (isOutput(arg) && value instanceof Path path) {
                outputs.put(name, path);
            } else if (value instanceof Path path) {
                inputs.put(name, path);
            } else if (value instanceof String text && "PATH".equals(arg.paramLabel()) && !text.contains("://")) {
                // --data and --reference are text, since with --spark they may be URIs (s3a://…) a Path would mangle;
                // a local one is an input all the same
                try {
                    inputs.put(name, Path.of(text));
                } catch (java.nio.file.InvalidPathException ignored) {
                    // not a local path: nothing an output could overwrite
                }
            } else if (value instanceof Collection<?> values) {
                int i = 0;
                for (Object element : values) {
                    if (element instanceof Path path) {
                        inputs.put(name + (values.size() > 1 ? "[" + i + "]" : ""), path);
                    }
                    i++;
                }
            }
        }
        if (!outputs.isEmpty()) {
            OutputPlan.check(outputs, inputs);
        }
    }

    private static boolean isOutput(ArgSpec arg) {
        return arg.userObject() instanceof AnnotatedElement element && element.isAnnotationPresent(OutputOption.class);
    }
}
