package io.jenkins.plugins.mlcicd.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command of DESIGN.md that is not built yet: says so and exits with 2 rather than pretending. */
abstract class UnbuiltCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("mlcicd " + spec.name() + ": not built yet in this version");
        return Main.EXIT_BAD_INPUT;
    }
}
