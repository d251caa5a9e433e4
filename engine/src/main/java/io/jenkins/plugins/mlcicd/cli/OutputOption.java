package io.jenkins.plugins.mlcicd.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code Path} option as a file the command writes. Before a command runs, {@link OutputChecks}
 * checks every such option (writable, not a directory, not one of the command's inputs, not another
 * output); every other {@code Path} option and parameter counts as an input. A new command gets this
 * by using {@link ResultOutputOptions} or by annotating its own output options.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
@interface OutputOption {
}
