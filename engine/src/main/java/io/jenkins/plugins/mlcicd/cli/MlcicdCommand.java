package io.jenkins.plugins.mlcicd.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

@Command(
        name = "mlcicd",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "ML CI/CD: validate data, train with lineage, evaluate, gate, shadow and canary models.",
        footer = {
            "",
            "Exit codes: 0 passed, 1 failed, 2 bad input or usage, 3 warning/unstable, 4 inconclusive."
        },
        subcommands = {
            ValidateCommand.class,
            ProfileCommand.class,
            InferContractCommand.class,
            SkewCommand.class,
            EvaluateCommand.class,
            TrainCommand.class,
            ShadowCommand.class,
            CanaryCommand.class,
            GateCommand.class,
            RegistryCommand.class,
            ReportCommand.class,
            DemoCommand.class
        })
public final class MlcicdCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean debug;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command");
    }
}
