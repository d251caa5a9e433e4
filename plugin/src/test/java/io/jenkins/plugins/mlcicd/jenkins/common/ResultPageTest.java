package io.jenkins.plugins.mlcicd.jenkins.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlcicd.result.Check;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.ResultKind;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultPageTest {
    private static final class TestAction extends MlResultAction {
        TestAction(ResultDocument document) {
            super("my-id", document);
        }

        @Override
        public ResultKind kind() {
            return ResultKind.GATE;
        }

        @Override
        protected String title() {
            return "Test";
        }
    }

    @Test
    void reportIsEscapedAndCspClean() {
        ResultDocument document = new ResultDocument(ResultKind.GATE, Verdict.WARNING, "<b>summary</b>", Instant.now(), 1,
                List.of(Check.of("<img src=x onerror=alert(1)>", Verdict.WARNING, 1.0, "≥ 2", "<script>alert(1)</script>")),
                null);

        String html = new ResultPage(new TestAction(document)).getReportHtml();

        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;", "&lt;b&gt;summary");
        assertThat(html).doesNotContain("<script", "<img", "style=");
        assertThat(html).doesNotContainPattern("<[^>]*\\son[a-z]+=");
        assertThat(html).contains("<table class=\"mlcicd-checks\">");
    }

    @Test
    void actionKeepsTheSummaryItsPageAndUrl() {
        TestAction action = new TestAction(ResultMapsTest.sampleDocument());

        assertThat(action.getUrlName()).isEqualTo("mlcicd-gate-my-id");
        assertThat(action.getDisplayName()).isEqualTo("Test (my-id)");
        assertThat(action.getIconFileName()).isEqualTo("symbol-analytics");
        assertThat(action.getVerdict()).isEqualTo(Verdict.FAILED);
        assertThat(action.getVerdictClass()).isEqualTo("mlcicd-verdict mlcicd-verdict-failed");
        assertThat(action.getCheckCount()).isEqualTo(2);
        assertThat(action.getKeyChecks()).extracting(KeyCheck::getName).containsExactly("auc vs baseline", "auc");
        assertThat(action.getOtherCheckCount()).isZero();
        assertThat(action.getProjectActions()).isEmpty();
        assertThat(action.getTarget()).isInstanceOf(ResultPage.class);
        assertThat(action.getResultDocument()).isEqualTo(ResultMapsTest.sampleDocument());
    }
}
