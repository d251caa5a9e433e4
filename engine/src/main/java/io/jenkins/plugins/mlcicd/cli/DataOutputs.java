package io.jenkins.plugins.mlcicd.cli;

import io.jenkins.plugins.mlcicd.report.ResultDocumentJson;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Function;

/** Writes a data command's result with its own HTML rendering (histograms), then the common output. */
final class DataOutputs {
    private DataOutputs() {
    }

    static int finish(ResultOutputOptions outputs, ResultDocument document, Function<ResultDocument, String> html,
            PrintWriter console) {
        Path htmlFile = outputs.html;
        if (htmlFile != null) {
            ResultDocumentJson.writeAtomically(htmlFile, html.apply(document));
        }
        outputs.html = null;
        try {
            return outputs.finish(document, console);
        } finally {
            outputs.html = htmlFile;
        }
    }
}
