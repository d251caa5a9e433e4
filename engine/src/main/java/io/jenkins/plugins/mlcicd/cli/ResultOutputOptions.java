package io.jenkins.plugins.mlcicd.cli;

import io.jenkins.plugins.mlcicd.output.OutputFile;
import io.jenkins.plugins.mlcicd.report.HtmlReport;
import io.jenkins.plugins.mlcicd.report.ResultDocumentJson;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --out} and {@code --html}, shared by every command that produces a result document. Both are
 * {@link OutputOption}s: checked before the command runs and written through {@link OutputFile}
 * ({@code -} is standard output, devices and FIFOs are written in place, files atomically).
 */
final class ResultOutputOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @OutputOption
    @Option(names = "--out", paramLabel = "FILE", description = "Write the result document (JSON) to FILE ('-' for standard output).")
    Path out;

    @OutputOption
    @Option(names = "--html", paramLabel = "FILE", description = "Write the rendered HTML report to FILE ('-' for standard output).")
    Path html;

    /** Writes what was asked for, prints the one-line summary and returns the verdict's exit code. */
    int finish(ResultDocument document, PrintWriter console) {
        PrintWriter err = mixee == null ? console : mixee.commandLine().getErr();
        boolean streamed = false;
        if (out != null) {
            OutputFile file = OutputFile.of("--out", out);
            file.write(ResultDocumentJson.toJsonString(document), console, err);
            streamed = file.isStandardOutput();
        }
        if (html != null) {
            OutputFile file = OutputFile.of("--html", html);
            file.write(HtmlReport.page(document), console, err);
            streamed |= file.isStandardOutput();
        }
        // A document on standard output must stay parseable: the summary goes to the error stream then.
        PrintWriter summary = streamed ? err : console;
        summary.println(document.verdict() + ": " + document.summary());
        summary.flush();
        return document.verdict().exitCode();
    }
}
