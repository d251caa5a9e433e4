package io.jenkins.plugins.mlcicd.cli;

import io.jenkins.plugins.mlcicd.data.CsvOptions;
import io.jenkins.plugins.mlcicd.data.DataSource;
import io.jenkins.plugins.mlcicd.data.SkewDetection;
import io.jenkins.plugins.mlcicd.data.SkewRequest;
import io.jenkins.plugins.mlcicd.report.DataValidationHtml;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "skew", mixinStandardHelpOptions = true,
        description = "Training-serving skew: join two datasets on a key, compare each feature per example, and measure drift between them.")
final class SkewCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--training", required = true, paramLabel = "PATH", description = "Features as logged for training (file, directory or glob).")
    Path training;

    @Option(names = "--serving", required = true, paramLabel = "PATH", description = "Features as logged at serving time.")
    Path serving;

    @Option(names = "--key", required = true, paramLabel = "COL", description = "Column that identifies an example on both sides.")
    String key;

    @Option(names = "--features", split = ",", paramLabel = "COL", description = "Features to compare (comma-separated); default: all common columns.")
    List<String> features;

    @Option(names = "--tolerance", defaultValue = "1e-6", paramLabel = "REL",
            description = "Relative tolerance for numbers: differ when |a-b| > REL * max(|a|,|b|) (default: ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(names = "--max-mismatch-fraction", defaultValue = "0", paramLabel = "F",
            description = "A feature fails when more than this fraction of joined examples differ (default: ${DEFAULT-VALUE}).")
    double maxMismatchFraction;

    @Option(names = "--delimiter", paramLabel = "CHAR", defaultValue = ",", description = "CSV field delimiter (default: ${DEFAULT-VALUE}).")
    String delimiter;

    @Option(names = "--quote", paramLabel = "CHAR", defaultValue = "\"", description = "CSV quote character (default: ${DEFAULT-VALUE}).")
    String quote;

    @Option(names = "--no-header", description = "CSV files have no header row.")
    boolean noHeader;

    @Mixin
    ResultOutputOptions outputs;

    @Override
    public Integer call() {
        CsvOptions csv = new CsvOptions(CsvOptions.character("--delimiter", delimiter), CsvOptions.character("--quote", quote), !noHeader);
        SkewRequest request = new SkewRequest(new DataSource.Files(training, csv), new DataSource.Files(serving, csv), key,
                features, tolerance, maxMismatchFraction);
        ResultDocument document = new SkewDetection(System.getenv(), Clock.systemUTC()).run(request);
        return DataOutputs.finish(outputs, document, DataValidationHtml::page, spec.commandLine().getOut());
    }
}
