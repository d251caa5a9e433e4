package io.jenkins.plugins.mlcicd.cli;

import io.jenkins.plugins.mlcicd.output.OutputFile;
import io.jenkins.plugins.mlcicd.report.HtmlReport;
import io.jenkins.plugins.mlcicd.report.MarkdownReport;
import io.jenkins.plugins.mlcicd.report.ResultDocumentJson;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Renders a stored result document the way its step's {@code --html} and its Jenkins page do. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Render a result document (any kind) as a standalone HTML report and/or as Markdown for a pull request.",
            "Exits with the document's verdict, so a script can also use it to read a stored result."})
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RESULT", description = "A result document written by --out of any command.")
    Path result;

    @OutputOption
    @Option(names = "--html", paramLabel = "FILE", description = "Write the HTML report to FILE (- for standard output).")
    Path html;

    @OutputOption
    @Option(names = "--markdown", paramLabel = "FILE",
            description = "Write the report as Markdown (what the Jenkins steps publish as a pull request check) to FILE; - for standard output.")
    Path markdown;

    @Option(names = "--link", paramLabel = "URL", description = "With --markdown: link the full report at this http(s) URL.")
    String link;

    @Override
    public Integer call() {
        if (html == null && markdown == null) {
            throw new ParameterException(spec.commandLine(), "give --html FILE, --markdown FILE (- for standard output), or both");
        }
        if (link != null && !link.matches("(?i)https?://\\S+")) {
            throw new ParameterException(spec.commandLine(), "--link: '" + link + "' is not an http(s) URL");
        }
        ResultDocument document = ResultDocumentJson.read(result);
        boolean toStandardOutput = false;
        if (html != null) {
            OutputFile file = OutputFile.of("--html", html);
            file.write(HtmlReport.page(document), spec.commandLine().getOut(), spec.commandLine().getErr());
            toStandardOutput = file.isStandardOutput();
        }
        if (markdown != null) {
            OutputFile file = OutputFile.of("--markdown", markdown);
            file.write(MarkdownReport.render(document, link), spec.commandLine().getOut(), spec.commandLine().getErr());
            toStandardOutput |= file.isStandardOutput();
        }
        // the verdict line never mixes into a report written to standard output
        (toStandardOutput ? spec.commandLine().getErr() : spec.commandLine().getOut()).println(document.verdict() + ": " + document.summary());
        return document.verdict().exitCode();
    }
}
