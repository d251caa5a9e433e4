package io.jenkins.plugins.mlcicd.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.ResultKind;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationHtmlTest {
    @TempDir
    Path dir;

    @Test
    void showsMetricsWithIntervalsFourChartsSlicesWorstFirstAndFairness() {
        ResultDocument doc = ReportSamples.sample(ResultKind.EVALUATION, dir);
        String html = HtmlReport.fragment(doc);
        assertThat(html).contains("<th class=\"num\">95% interval</th>").doesNotContain("<th class=\"num\">Reference</th>")
                .contains("<title>ROC curve</title>").contains("<title>Precision–recall curve</title>")
                .contains("<title>Reliability diagram (10 score bins)</title>").contains("<title>Score histogram by class (model)</title>")
                .contains(">False positive rate</text>").contains(">True positive rate</text>")
                .contains("Slices, worst auc first").contains("Fairness across <bdi>age_band</bdi>")
                .contains("demographic parity difference").doesNotContain(" style=").doesNotContain("<script");
        // worst first: the slice rows' AUCs ascend
        String slices = html.substring(html.indexOf("mlcicd-slices"), html.indexOf("</table>", html.indexOf("mlcicd-slices")));
        double previous = -1;
        for (String row : slices.split("<tr>")) {
            if (!row.contains("segment=")) {
                continue;
            }
            double auc = Double.parseDouble(row.split("<td class=\"num\">")[2].replaceAll("<.*", ""));
            assertThat(auc).isGreaterThanOrEqualTo(previous);
            previous = auc;
        }
    }

    @Test
    void withAReferenceBothModelsShareTheChartsAndTheTableComparesThem() {
        ResultDocument doc = ReportSamples.sample(ResultKind.EVALUATION, dir);
        ResultDocument reference = ReportSamples.referenceEvaluation(dir);
        String html = HtmlReport.fragment(doc, reference);
        assertThat(html).contains("<th class=\"num\">Candidate</th>").contains("<th class=\"num\">Reference</th>")
                .contains("<th class=\"num\">Difference</th>").contains("mlcicd-better")
                .contains(">candidate<title>candidate</title>").contains(">reference<title>reference</title>");
        assertThat(html.split("class=\"mlcicd-chart-line\"").length - 1).as("two curves in ROC and PR, two in reliability")
                .isGreaterThanOrEqualTo(6);
        assertThat(HtmlReport.fragment(doc, ReportSamples.gate())).as("a reference of another kind is ignored")
                .doesNotContain("<th class=\"num\">Reference</th>");
    }
}
