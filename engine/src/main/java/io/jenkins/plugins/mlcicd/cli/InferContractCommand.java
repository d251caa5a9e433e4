package io.jenkins.plugins.mlcicd.cli;

import io.jenkins.plugins.mlcicd.data.ContractInference;
import io.jenkins.plugins.mlcicd.data.DataContract;
import io.jenkins.plugins.mlcicd.output.OutputFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "infer-contract", mixinStandardHelpOptions = true,
        description = "Infer a starting data contract (types, nullability, ranges, categories, uniqueness, drift) from a reference dataset.")
final class InferContractCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataSourceOptions source;

    @OutputOption
    @Option(names = "--out", paramLabel = "FILE", description = "Write the contract (YAML) to FILE; standard output when absent.")
    Path out;

    @Override
    public Integer call() {
        DataContract contract = ContractInference.infer(source.source(), System.getenv());
        String yaml = ContractInference.toYaml(contract);
        PrintWriter console = spec.commandLine().getOut();
        if (out == null || out.toString().equals("-")) {
            console.print(yaml);
        } else {
            OutputFile file = OutputFile.of("--out", out);
            file.write(yaml, console, spec.commandLine().getErr());
            (file.isStandardOutput() ? spec.commandLine().getErr() : console).println("inferred a contract for " + contract.columns().size() + " columns: " + out);
        }
        console.flush();
        return 0;
    }
}
