package io.jenkins.plugins.mlcicd.cli;

import picocli.CommandLine.Command;

@Command(name = "skew", mixinStandardHelpOptions = true, description = "Training-serving skew between two datasets joined on a key (not built yet)")
final class SkewCommand extends UnbuiltCommand {
}
