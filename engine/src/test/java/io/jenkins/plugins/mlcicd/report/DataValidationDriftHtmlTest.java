package io.jenkins.plugins.mlcicd.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlcicd.data.DataContract;
import io.jenkins.plugins.mlcicd.data.DataSource;
import io.jenkins.plugins.mlcicd.data.DataValidation;
import io.jenkins.plugins.mlcicd.data.ValidationRequest;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The drift section shows, per column, what decided its verdict (issue 17). */
class DataValidationDriftHtmlTest {
    @Test
    void driftSectionShowsMethodValueThresholdScaleAndRulePerColumn() throws Exception {
        Path dir = Path.of(DataValidationDriftHtmlTest.class.getResource("/data/evidently/expectations.json").toURI()).getParent();
        String contract = """
                driftShare: 0.5
                columns:
                  - {name: age, type: integer, drift: {}}
                  - {name: amount, type: double, drift: {method: psi, binning: evidently}}
                  - {name: segment, type: string, drift: {severity: failure}}
                """;
        ResultDocument doc = new DataValidation(Map.of(), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))
                .run(new ValidationRequest(DataContract.parse("c.yaml", contract), null,
                        new DataSource.Files(dir.resolve("2000-shifted.csv")), new DataSource.Files(dir.resolve("2000-reference.csv")),
                        null, false)).document();
        String html = DataValidationHtml.fragment(doc);
        String drift = html.substring(html.indexOf("<section class=\"mlcicd-data-drift\">"));
        drift = drift.substring(0, drift.indexOf("</section>"));
        assertThat(drift).contains("<td><bdi>age</bdi></td><td>wasserstein_normed</td>")
                .contains("default: &gt; 10 distinct values in reference and current of an integer column")
                .contains("<td><bdi>amount</bdi></td><td>psi</td>").contains("binning: evidently: 13 equal-width bins by Sturges")
                .contains("contract: drift.method psi")
                .contains("<td><bdi>segment</bdi></td><td>jensen_shannon</td>").contains("log base e").contains("one bin per value")
                .contains("&lt; 0.1").contains("columns drifted (share");
    }
}
