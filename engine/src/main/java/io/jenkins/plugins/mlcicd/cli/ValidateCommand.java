package io.jenkins.plugins.mlcicd.cli;

import io.jenkins.plugins.mlcicd.data.DataContract;
import io.jenkins.plugins.mlcicd.data.DataProfile;
import io.jenkins.plugins.mlcicd.data.DataValidation;
import io.jenkins.plugins.mlcicd.data.ValidationRequest;
import io.jenkins.plugins.mlcicd.data.ValidationResult;
import io.jenkins.plugins.mlcicd.output.OutputFile;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Validate a dataset against a data contract, with drift against a reference dataset or profile.")
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--contract", required = true, paramLabel = "FILE", description = "Data contract (YAML or JSON).")
    Path contract;

    @Mixin
    DataSourceOptions source;

    @Option(names = "--reference", paramLabel = "PATH",
            description = "Reference dataset for drift (file, directory or glob; same CSV options; with --spark read by Spark).")
    String reference;

    @Option(names = "--reference-profile", paramLabel = "FILE", description = "Reference profile for drift (from 'mlcicd profile').")
    Path referenceProfile;

    @OutputOption
    @Option(names = "--profile-out", paramLabel = "FILE", description = "Also write the validated data's profile (a later --reference-profile).")
    Path profileOut;

    @Mixin
    ResultOutputOptions outputs;

    @Override
    public Integer call() {
        DataContract parsed = DataContract.read(contract);
        ValidationRequest request = new ValidationRequest(parsed, contract.toString(), source.source(),
                reference == null ? null : source.file(reference),
                referenceProfile == null ? null : DataProfile.read(referenceProfile), profileOut != null);
        ValidationResult result = new DataValidation().run(request);
        if (profileOut != null) {
            OutputFile.of("--profile-out", profileOut).write(result.currentProfile().toJson(), spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        }
        return outputs.finish(result.document(), spec.commandLine().getOut());
    }
}
