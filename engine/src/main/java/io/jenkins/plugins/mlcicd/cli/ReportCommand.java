package io.jenkins.plugins.mlcicd.cli;

import picocli.CommandLine.Command;

@Command(name = "report", mixinStandardHelpOptions = true, description = "Render a result document as HTML (not built yet)")
final class ReportCommand extends UnbuiltCommand {
}
