package io.jenkins.plugins.mlcicd.jenkins.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlcicd.input.Json;
import io.jenkins.plugins.mlcicd.jenkins.common.Fact;
import io.jenkins.plugins.mlcicd.jenkins.common.ResultPage;
import io.jenkins.plugins.mlcicd.result.Check;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.ResultKind;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataValidationActionTest {
    /** A document as the engine writes it, with a numeric column's histogram and a column named to inject markup. */
    private static ResultDocument document() {
        ObjectNode fields = Json.mapper().createObjectNode();
        ArrayNode columns = fields.putArray("columns");
        ObjectNode amount = columns.addObject();
        amount.put("name", "<script>amount</script>");
        ObjectNode histogram = amount.putObject("histogram");
        histogram.putArray("edges").add(10.0).add(20.0);
        histogram.putArray("reference").add(5).add(5).add(5);
        histogram.putArray("current").add(0).add(1).add(14);
        return new ResultDocument(ResultKind.DATA_VALIDATION, Verdict.FAILED, "d.csv: 2 checks, 1 passed, 1 failed",
                Instant.EPOCH, 10, List.of(Check.of("rows", Verdict.PASSED, 15.0, "≥ 5", "15 rows"),
                Check.of("<script>amount</script>.drift", Verdict.FAILED, 1.2, "< 0.2", "drift: psi 1.2 ≥ 0.2")), fields);
    }

    @Test
    void pageShowsChecksAndHistogramsEscaped() {
        DataValidationAction action = new DataValidationAction("train", document(),
                new DataValidateRequest("ml/c.yaml", "d.csv", "lastSuccessful"), null);

        String html = new ResultPage(action).getReportHtml();

        assertThat(html).contains("mlcicd-checks", "<svg", "<rect", "&lt;script&gt;amount&lt;/script&gt;.drift");
        assertThat(html).doesNotContain("<script", "style=", "javascript:");
        assertThat(action.getUrlName()).isEqualTo("mlcicd-data-validation-train");
        assertThat(action.getDisplayName()).isEqualTo("ML data validation (train)");
        assertThat(action.getKeyChecks().get(0).getVerdict()).isEqualTo(Verdict.FAILED);
    }

    @Test
    void factsNameDataContractAndReference() {
        DataValidationAction first = new DataValidationAction("train", document(),
                new DataValidateRequest("ml/c.yaml", "d.csv", "lastSuccessful"), null);
        assertThat(first.getFacts()).extracting(Fact::getLabel).containsExactly("Data", "Contract", "Reference");
        assertThat(first.getFacts().get(2).getText()).startsWith("none: no earlier successful build kept a profile for 'train'");

        DataValidationAction withData = new DataValidationAction("train", document(),
                new DataValidateRequest("ml/c.yaml", "d.csv", "ref.csv"), null);
        assertThat(withData.getFacts().get(2).getText()).isEqualTo("ref.csv");
        assertThat(withData.getReferenceData()).isEqualTo("ref.csv");

        DataValidationAction none = new DataValidationAction("train", document(), new DataValidateRequest("ml/c.yaml", "d.csv", null), null);
        assertThat(none.getFacts().get(2).getText()).isEqualTo("none given, so drift was not measured");

        DataValidationAction fromBuild = new DataValidationAction("train", document(),
                new DataValidateRequest("ml/c.yaml", "d.csv", "lastSuccessful"),
                new DataReference.Found(Path.of("profile.json"), "p#3", "#3", "p #3"));
        assertThat(fromBuild.getReferenceBuildName()).isEqualTo("#3");
        assertThat(fromBuild.getReferenceBuildId()).isEqualTo("p#3");
    }
}
