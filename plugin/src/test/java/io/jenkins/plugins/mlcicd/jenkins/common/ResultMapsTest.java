package io.jenkins.plugins.mlcicd.jenkins.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlcicd.result.Check;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.ResultKind;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResultMapsTest {
    /** What a Pipeline script may hold without a class-filter exception when the program is saved. */
    private static final Set<Class<?>> CPS_SAFE = Set.of(LinkedHashMap.class, ArrayList.class, String.class,
            Integer.class, Long.class, BigInteger.class, Double.class, Boolean.class);

    static ResultDocument sampleDocument() {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        fields.putObject("baseline").put("source", "reference build p #3");
        fields.putObject("counts").put("passed", 1).put("failed", 1);
        List<Check> checks = List.of(
                new Check("auc", Verdict.PASSED, 0.91, null, null, "≥ 0.8", "auc 0.91 ≥ 0.8", Map.of("rule", 0)),
                new Check("auc vs baseline", Verdict.FAILED, 0.91, 0.915, -0.005, "≥ +0.005 vs baseline",
                        "auc 0.91 vs baseline 0.915: −0.005, needs ≥ +0.005", Map.of("bound", "baseline")));
        return new ResultDocument(ResultKind.GATE, Verdict.FAILED, "1 of 2 checks failed",
                Instant.parse("2026-11-28T10:00:00Z"), 12, checks, fields);
    }

    @Test
    void theMapIsTheResultDocumentAsTheCliWritesIt() {
        Map<String, Object> map = ResultMaps.toMap(sampleDocument());

        assertThat(map).containsEntry("schema", "mlcicd/gate/v1")
                .containsEntry("kind", "gate")
                .containsEntry("verdict", "FAILED")
                .containsEntry("summary", "1 of 2 checks failed")
                .containsEntry("startedAt", "2026-11-28T10:00:00Z")
                .containsEntry("durationMs", 12)
                .containsEntry("baseline", Map.of("source", "reference build p #3"));
        List<?> checks = (List<?>) map.get("checks");
        assertThat(checks).hasSize(2);
        Map<?, ?> failed = (Map<?, ?>) checks.get(1);
        assertThat(failed.get("name")).isEqualTo("auc vs baseline");
        assertThat(failed.get("verdict")).isEqualTo("FAILED");
        assertThat(failed.get("baseline")).isEqualTo(0.915);
        assertThat(failed.get("delta")).isEqualTo(-0.005);
    }

    @Test
    void holdsOnlyPlainSerializableJavaTypes() throws Exception {
        Map<String, Object> map = ResultMaps.toMap(sampleDocument());

        assertOnlyCpsSafe(map);
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            out.writeObject(map);
        }
    }

    private static void assertOnlyCpsSafe(Object value) {
        if (value == null) {
            return;
        }
        assertThat(CPS_SAFE).as("type of %s", value).contains(value.getClass());
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, element) -> {
                assertThat(key).isInstanceOf(String.class);
                assertOnlyCpsSafe(element);
            });
        } else if (value instanceof List<?> list) {
            list.forEach(ResultMapsTest::assertOnlyCpsSafe);
        }
    }
}
