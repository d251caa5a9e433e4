package io.jenkins.plugins.mlcicd.cli;

import picocli.CommandLine.Command;

@Command(name = "infer-contract", mixinStandardHelpOptions = true, description = "Infer a starting data contract from a reference dataset (not built yet)")
final class InferContractCommand extends UnbuiltCommand {
}
