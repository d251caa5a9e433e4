package io.jenkins.plugins.mlcicd.cli;

import picocli.CommandLine.Command;

@Command(name = "gate", mixinStandardHelpOptions = true, description = "Gate candidate metrics against a policy and a baseline (not built yet)")
final class GateCommand extends UnbuiltCommand {
}
