package io.jenkins.plugins.mlcicd.cli;

import picocli.CommandLine.Command;

@Command(name = "demo", mixinStandardHelpOptions = true, description = "Run the example pipeline end to end (not built yet)")
final class DemoCommand extends UnbuiltCommand {
}
