package io.jenkins.plugins.mlcicd.cli;

import io.jenkins.plugins.mlcicd.data.DataProfile;
import io.jenkins.plugins.mlcicd.data.DataValidation;
import io.jenkins.plugins.mlcicd.output.OutputFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "profile", mixinStandardHelpOptions = true,
        description = "Write a column profile of a dataset: counts, nulls, NaN, range, mean, std, quantiles, distinct, top values, histogram.")
final class ProfileCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataSourceOptions source;

    @OutputOption
    @Option(names = "--out", paramLabel = "FILE", description = "Write the profile (JSON) to FILE; standard output when absent.")
    Path out;

    @Override
    public Integer call() {
        DataProfile profile = new DataValidation().profile(source.source());
        PrintWriter console = spec.commandLine().getOut();
        if (out == null || out.toString().equals("-")) {
            console.print(profile.toJson());
        } else {
            OutputFile file = OutputFile.of("--out", out);
            file.write(profile.toJson(), console, spec.commandLine().getErr());
            (file.isStandardOutput() ? spec.commandLine().getErr() : console).println("profiled " + profile.columns().size() + " columns of " + profile.rows() + " rows: " + out);
        }
        console.flush();
        return 0;
    }
}
