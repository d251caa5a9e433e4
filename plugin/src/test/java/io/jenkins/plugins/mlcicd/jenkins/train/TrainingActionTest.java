package io.jenkins.plugins.mlcicd.jenkins.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlcicd.input.Json;
import io.jenkins.plugins.mlcicd.report.HtmlReport;
import io.jenkins.plugins.mlcicd.result.Check;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.ResultKind;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingActionTest {
    @Test
    void keepsWhatTheModelsTableNeedsAndRendersTheLineage() throws Exception {
        ObjectNode fields = (ObjectNode) Json.mapper().readTree("""
                {"code": {"commit": "0123456789abcdef0123456789abcdef01234567", "source": "git"},
                 "data": [], "params": {}, "metrics": {"auc": 0.91, "log_loss": 0.3},
                 "model": {"path": "out/model.bin", "sha256": "abc", "bytes": 5, "files": 1},
                 "command": "python train.py", "exitCode": 0,
                 "registry": {"name": "fraud", "location": "/r", "version": 4, "modelUri": "u",
                              "aliasMoves": [{"timestamp": "t", "alias": "candidate", "fromVersion": 3, "toVersion": 4}]}}
                """);
        ResultDocument document = new ResultDocument(ResultKind.TRAINING, Verdict.PASSED, "trained", Instant.EPOCH, 1,
                List.of(Check.of("command", Verdict.PASSED, 0.0, "exit code 0", "ok")), fields);
        TrainingAction action = new TrainingAction("train", document);
        assertThat(action.getUrlName()).isEqualTo("mlcicd-training-train");
        assertThat(action.getDisplayName()).isEqualTo("ML Lineage (train)");
        assertThat(action.getRegistryName()).isEqualTo("fraud");
        assertThat(action.getRegistryVersion()).isEqualTo(4);
        assertThat(action.getRegistryAlias()).isEqualTo("candidate");
        assertThat(action.getModelSha256()).isEqualTo("abc");
        assertThat(action.getCommit()).startsWith("0123");
        assertThat(action.getMetrics()).containsEntry("auc", 0.91).containsEntry("log_loss", 0.3);
        assertThat(HtmlReport.fragment(document)).contains("mlcicd-lineage").contains("<h3>Registry</h3>");
    }
}
