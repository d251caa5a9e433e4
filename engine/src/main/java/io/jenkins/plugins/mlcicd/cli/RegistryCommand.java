package io.jenkins.plugins.mlcicd.cli;

import picocli.CommandLine.Command;

@Command(name = "registry", mixinStandardHelpOptions = true, description = "List, show, promote and alias model versions (not built yet)")
final class RegistryCommand extends UnbuiltCommand {
}
