package io.jenkins.plugins.mlcicd.cli;

import picocli.CommandLine.Command;

@Command(name = "canary", mixinStandardHelpOptions = true, description = "Progressive rollout with guardrails and automatic rollback (not built yet)")
final class CanaryCommand extends UnbuiltCommand {
}
