package io.jenkins.plugins.mlcicd.cli;

import picocli.CommandLine.Command;

@Command(name = "shadow", mixinStandardHelpOptions = true, description = "Compare a candidate with production on replayed requests (not built yet)")
final class ShadowCommand extends UnbuiltCommand {
}
