package io.jenkins.plugins.mlcicd.cli;

import picocli.CommandLine.Command;

@Command(name = "validate", mixinStandardHelpOptions = true, description = "Validate a dataset against a data contract, with drift against a reference (not built yet)")
final class ValidateCommand extends UnbuiltCommand {
}
