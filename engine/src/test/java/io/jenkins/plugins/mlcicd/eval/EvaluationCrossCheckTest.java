package io.jenkins.plugins.mlcicd.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of {@code eval/crosscheck.json}, written by {@code bench/eval-crosscheck.py} with
 * scikit-learn: the engine must reproduce each value within 1e-9 (calibration within 1e-6), and
 * leave exactly the metrics the reference marks null undefined.
 */
class EvaluationCrossCheckTest {
    static Stream<Arguments> cases() throws Exception {
        JsonNode document;
        try (InputStream in = EvaluationCrossCheckTest.class.getResourceAsStream("/eval/crosscheck.json")) {
            document = new ObjectMapper().readTree(in);
        }
        assertThat(document.path("generator").asText()).isEqualTo("bench/eval-crosscheck.py");
        List<Arguments> cases = new ArrayList<>();
        document.path("cases").forEach(c -> cases.add(Arguments.of(c.path("name").asText(), c)));
        assertThat(cases).hasSizeGreaterThanOrEqualTo(45);
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesScikitLearn(String name, JsonNode c) {
        double[] labels = doubles(c.path("labels"));
        double[] scores = doubles(c.path("scores"));
        boolean binary = c.path("task").asText().equals("binary");
        Integer k = c.has("k") ? c.path("k").asInt() : null;
        String[] groups = c.has("groups") ? strings(c.path("groups")) : null;
        String[] sensitive = c.has("sensitive") ? strings(c.path("sensitive")) : null;
        EvaluationRequest request = binary
                ? Tables.binary(c.path("threshold").asDouble(), k, groups != null, sensitive != null)
                : Tables.regression();
        Evaluation evaluation = Evaluator.evaluate(request, Tables.table(labels, scores, groups, sensitive, List.of()));
        MetricValues metrics = evaluation.overall();
        JsonNode expected = c.path("expected");
        List<String> names = new ArrayList<>();
        expected.fieldNames().forEachRemaining(names::add);
        for (String metric : names) {
            JsonNode value = expected.get(metric);
            if (value.isNull()) {
                assertThat(metrics.undefined()).as(metric).containsKey(metric);
                assertThat(metrics.values()).as(metric).doesNotContainKey(metric);
            } else {
                double tolerance = metric.startsWith("calibration_") ? 1e-6 : 1e-9;
                assertThat(metrics.values()).as(metric).containsKey(metric);
                assertThat(metrics.get(metric)).as(metric + " of " + name)
                        .isCloseTo(value.asDouble(), org.assertj.core.api.Assertions.within(tolerance));
            }
        }
        // Nothing beyond the reference's metrics is reported.
        assertThat(names).containsAll(metrics.values().keySet());
        assertThat(names).containsAll(metrics.undefined().keySet());
        assertThat(Map.copyOf(metrics.values())).isNotEmpty();
    }

    private static double[] doubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }

    private static String[] strings(JsonNode array) {
        String[] values = new String[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asText();
        }
        return values;
    }
}
