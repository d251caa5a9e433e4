package io.jenkins.plugins.mlcicd.cli;

import picocli.CommandLine.Command;

@Command(name = "train", mixinStandardHelpOptions = true, description = "Run a training command and record its lineage (not built yet)")
final class TrainCommand extends UnbuiltCommand {
}
