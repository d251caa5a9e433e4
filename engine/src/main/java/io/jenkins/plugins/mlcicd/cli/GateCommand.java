package io.jenkins.plugins.mlcicd.cli;

import io.jenkins.plugins.mlcicd.gate.Gate;
import io.jenkins.plugins.mlcicd.gate.GateJUnitXml;
import io.jenkins.plugins.mlcicd.gate.GatePolicy;
import io.jenkins.plugins.mlcicd.gate.MetricsDocument;
import io.jenkins.plugins.mlcicd.input.StepIds;
import io.jenkins.plugins.mlcicd.output.OutputFile;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "gate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Gate candidate metrics against a policy and an optional baseline.",
        footer = {"", "Exit codes: 0 passed, 1 failed, 2 bad input or usage, 3 unstable (warning), 4 inconclusive."})
final class GateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    // Required, but checked in call(): picocli would report a missing option before an unknown
    // one, and a misspelt option is the more useful thing to hear about.
    @Option(names = "--policy", paramLabel = "FILE",
            description = "Gate policy, YAML or JSON (.json). Required.")
    Path policy;

    @Option(names = "--candidate", paramLabel = "FILE",
            description = "Candidate metrics: a result document or a JSON object of metric name -> number. Required.")
    Path candidate;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Baseline metrics, same forms as --candidate. Without it, baseline-relative bounds are INCONCLUSIVE.")
    Path baseline;

    @OutputOption
    @Option(names = "--junit", paramLabel = "FILE", description = "Write JUnit XML (one test case per check) to FILE.")
    Path junit;

    @Option(names = "--id", paramLabel = "NAME", defaultValue = "gate",
            description = "Gate id: the JUnit suite and class name (default: ${DEFAULT-VALUE}).")
    String id;

    @Mixin
    ResultOutputOptions output;

    @Override
    public Integer call() {
        if (policy == null || candidate == null) {
            throw new ParameterException(spec.commandLine(), "Missing required option"
                    + (policy == null && candidate == null ? "s: '--policy=FILE', '--candidate=FILE'"
                    : policy == null ? ": '--policy=FILE'" : ": '--candidate=FILE'"));
        }
        StepIds.require("--id", id);
        GatePolicy gatePolicy = GatePolicy.read(policy);
        MetricsDocument candidateMetrics = MetricsDocument.read(candidate);
        MetricsDocument baselineMetrics = baseline == null ? null : MetricsDocument.read(baseline);
        ResultDocument result = Gate.evaluate(gatePolicy, candidateMetrics, baselineMetrics,
                baseline == null ? null : baseline.toString());
        if (junit != null) {
            OutputFile.of("--junit", junit).write(GateJUnitXml.render(result, id), spec.commandLine().getOut(), spec.commandLine().getErr());
        }
        return output.finish(result, spec.commandLine().getOut());
    }
}
