package io.jenkins.plugins.mlcicd.cli;

import picocli.CommandLine.Command;

@Command(name = "evaluate", mixinStandardHelpOptions = true, description = "Compute model-quality metrics from a predictions table (not built yet)")
final class EvaluateCommand extends UnbuiltCommand {
}
