package io.jenkins.plugins.mlcicd.cli;

import picocli.CommandLine.Command;

@Command(name = "profile", mixinStandardHelpOptions = true, description = "Write a column profile of a dataset (not built yet)")
final class ProfileCommand extends UnbuiltCommand {
}
