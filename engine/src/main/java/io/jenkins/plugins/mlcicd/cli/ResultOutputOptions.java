package io.jenkins.plugins.mlcicd.cli;

import io.jenkins.plugins.mlcicd.report.HtmlReport;
import io.jenkins.plugins.mlcicd.report.ResultDocumentJson;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --out} and {@code --html}, shared by every command that produces a result document. */
public final class ResultOutputOptions {
    @Option(names = "--out", paramLabel = "FILE", description = "Write the result document (JSON) to FILE.")
    Path out;

    @Option(names = "--html", paramLabel = "FILE", description = "Write the rendered HTML report to FILE.")
    Path html;

    /** Writes what was asked for, prints the one-line summary and returns the verdict's exit code. */
    int finish(ResultDocument document, PrintWriter console) {
        if (out != null) {
            ResultDocumentJson.write(document, out);
        }
        if (html != null) {
            ResultDocumentJson.writeAtomically(html, HtmlReport.page(document));
        }
        console.println(document.verdict() + ": " + document.summary());
        console.flush();
        return document.verdict().exitCode();
    }
}
