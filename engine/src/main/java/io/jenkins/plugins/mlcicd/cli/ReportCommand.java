package io.jenkins.plugins.mlcicd.cli;

import io.jenkins.plugins.mlcicd.output.OutputFile;
import io.jenkins.plugins.mlcicd.report.HtmlReport;
import io.jenkins.plugins.mlcicd.report.ResultDocumentJson;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Renders a stored result document the way its step's {@code --html} and its Jenkins page do. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Render a result document (any kind) as a standalone HTML report.",
            "Exits with the document's verdict, so a script can also use it to read a stored result."})
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RESULT", description = "A result document written by --out of any command.")
    Path result;

    @OutputOption
    @Option(names = "--html", required = true, paramLabel = "FILE", description = "Write the HTML report to FILE.")
    Path html;

    @Override
    public Integer call() {
        ResultDocument document = ResultDocumentJson.read(result);
        OutputFile file = OutputFile.of("--html", html);
        file.write(HtmlReport.page(document), spec.commandLine().getOut(), spec.commandLine().getErr());
        (file.isStandardOutput() ? spec.commandLine().getErr() : spec.commandLine().getOut())
                .println(document.verdict() + ": " + document.summary());
        return document.verdict().exitCode();
    }
}
