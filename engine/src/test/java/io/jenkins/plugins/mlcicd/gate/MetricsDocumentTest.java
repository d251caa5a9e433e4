package io.jenkins.plugins.mlcicd.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MetricsDocumentTest {
    static MetricsDocument json(String text) {
        return MetricsDocument.parse("metrics.json", text);
    }

    static MetricLookup overall(MetricsDocument doc, String metric) {
        return MetricLookup.of(doc.metrics(), metric, doc.source(), "candidate");
    }

    @Test
    void plainObjectWithNestingAddressedByDots() {
        MetricsDocument doc = json("""
                {"auc": 0.91, "eval": {"f1": 0.8, "by_class": {"a": 0.7}}, "model": "xgb", "params": [1, 2]}
                """);
        assertThat(overall(doc, "auc").value()).isEqualTo(0.91);
        assertThat(overall(doc, "eval.f1").value()).isEqualTo(0.8);
        assertThat(overall(doc, "eval.by_class.a").value()).isEqualTo(0.7);
        assertThat(doc.metricNames()).containsExactly("auc", "eval.f1", "eval.by_class.a", "model", "params");
        assertThat(doc.sliceNames()).isEmpty();
        assertThat(overall(doc, "recall").missing()).isEqualTo("not in candidate");
    }

    @Test
    void dottedAndNestedKeysAreTheSameMetric() {
        assertThat(overall(json("{\"eval.auc\": 0.9}"), "eval.auc").value()).isEqualTo(0.9);
        assertThatThrownBy(() -> json("{\"eval.auc\": 0.9, \"eval\": {\"auc\": 0.8}}"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("metrics.json: eval.auc: metric 'eval.auc' is also given as eval.auc; write it once");
    }

    @Test
    void nullAndNaNAreMissingNotNumbers() {
        MetricsDocument doc = json("{\"a\": null, \"b\": NaN, \"c\": \"NaN\", \"d\": Infinity, \"e\": -Infinity}");
        assertThat(overall(doc, "a").missing()).isEqualTo("null in candidate");
        assertThat(overall(doc, "b").missing()).isEqualTo("NaN in candidate");
        assertThat(overall(doc, "c").missing()).isEqualTo("NaN in candidate");
        // a non-finite metric passes no bound: it is missing, like NaN (issue 13: {"auc": Infinity} passed atLeast)
        assertThat(overall(doc, "d").missing()).isEqualTo("Infinity in candidate (not a finite number)");
        assertThat(overall(doc, "e").missing()).isEqualTo("-Infinity in candidate (not a finite number)");
        assertThat(overall(json("{\"auc\": 1e999}"), "auc").missing()).isEqualTo("Infinity in candidate (not a finite number)");
        MetricsDocument yaml = MetricsDocument.parse("metrics.yaml", "a: NaN\nb: 0.5\n");
        assertThat(overall(yaml, "a").missing()).isEqualTo("NaN in candidate");
        assertThat(overall(yaml, "b").value()).isEqualTo(0.5);
    }

    @Test
    void nonNumericValueIsBadInputOnlyWhenAskedFor() {
        MetricsDocument doc = json("{\"auc\": \"0.9\", \"ok\": true, \"eval\": {\"f1\": 0.8}, \"model\": \"xgb\"}");
        assertThatThrownBy(() -> overall(doc, "auc"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("metrics.json: auc: expected a number for metric 'auc', got '0.9'");
        assertThatThrownBy(() -> overall(doc, "ok")).hasMessageContaining("ok: expected a number for metric 'ok', got true");
        assertThatThrownBy(() -> overall(doc, "eval"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("metrics.json: metric 'eval' is an object, not a number: name a number inside it, e.g. eval.f1");
    }

    @Test
    void resultDocumentUsesMetricsAndSlices() {
        MetricsDocument doc = MetricsDocument.read(Path.of("src/test/resources/gate/evaluation-result.json"));
        assertThat(overall(doc, "auc").value()).isEqualTo(0.912);
        assertThat(doc.metricNames()).as("envelope fields are not metrics").doesNotContain("verdict", "durationMs", "schema");
        assertThat(doc.sliceNames()).containsExactly("country=DE", "country=FR", "country=NL");
        MetricsDocument.Slice de = doc.slice("country=DE").orElseThrow();
        assertThat(de.count()).isEqualTo(5200L);
        assertThat(MetricLookup.of(de.metrics(), "auc", "x", "candidate").value()).isEqualTo(0.905);
        assertThat(MetricLookup.of(de.metrics(), "count", "x", "candidate").value()).isEqualTo(5200.0);
        assertThat(doc.slice("country=NL").orElseThrow().count()).isNull();
    }

    @Test
    void anOverallSliceIsTheWholePopulationNotASlice() {
        MetricsDocument doc = json("""
                {"schema": "mlcicd/evaluation/v1", "metrics": {"auc": 0.9},
                 "slices": {"overall": {"auc": 0.9, "count": 1000}, "a": {"auc": 0.8, "count": 600}}}
                """);
        assertThat(doc.sliceNames()).containsExactly("a");
        assertThat(overall(doc, "count").value()).isEqualTo(1000.0);
        assertThat(overall(doc, "auc").value()).isEqualTo(0.9);
        assertThat(MetricsDocument.parse("stored", doc.toJson())).isEqualTo(doc);
        MetricsDocument onlySlices = json("{\"slices\": {\"overall\": {\"auc\": 0.7}, \"b\": {\"auc\": 0.6}}}");
        assertThat(overall(onlySlices, "auc").value()).isEqualTo(0.7);
    }

    @Test
    void undefinedMetricsOfAResultDocumentAreMissingWithTheirReason() {
        MetricsDocument doc = json("""
                {"schema": "mlcicd/evaluation/v1", "metrics": {"accuracy": 1.0},
                 "undefined": {"auc": "only one class", "accuracy": "ignored, has a value", "auc[b]": "no rows"},
                 "slices": {"b": {"count": 0}}}
                """);
        assertThat(overall(doc, "auc").missing()).isEqualTo("undefined in candidate (only one class)");
        assertThat(overall(doc, "accuracy").value()).isEqualTo(1.0);
        assertThat(MetricLookup.of(doc.slice("b").orElseThrow().metrics(), "auc", "x", "baseline").missing())
                .isEqualTo("undefined in baseline (no rows)");
        MetricsDocument plain = json("{\"undefined\": {\"auc\": \"x\"}}");
        assertThat(plain.metricNames()).as("a plain document has no 'undefined' convention").containsExactly("undefined.auc");
        assertThat(overall(plain, "auc").missing()).isEqualTo("not in candidate");
    }

    @Test
    void slicesAsAListOfNamedObjects() {
        MetricsDocument doc = json("""
                {"schema": "mlcicd/evaluation/v1", "metrics": {"auc": 0.9},
                 "slices": [{"name": "a", "count": 10, "metrics": {"auc": 0.8}}, {"name": "b", "metrics": {"auc": 0.7}}]}
                """);
        assertThat(doc.sliceNames()).containsExactly("a", "b");
        assertThat(doc.slice("a").orElseThrow().count()).isEqualTo(10L);
        assertThat(doc.slice("b").orElseThrow().count()).isNull();
        assertThatThrownBy(() -> json("{\"slices\": [{\"count\": 3}]}"))
                .isInstanceOf(BadInputException.class).hasMessage("metrics.json: slices[0]: expected {name, count, metrics}");
    }

    @Test
    void plainDocumentMayCarrySlices() {
        MetricsDocument doc = json("{\"auc\": 0.9, \"slices\": {\"x\": {\"auc\": 0.8, \"count\": 3}}}");
        assertThat(doc.metricNames()).containsExactly("auc");
        assertThat(doc.slice("x").orElseThrow().count()).isEqualTo(3L);
    }

    @Test
    void badShapes() {
        assertThatThrownBy(() -> json("[0.9]")).isInstanceOf(BadInputException.class)
                .hasMessage("metrics.json: expected a JSON object of metric name → number, got a list");
        assertThatThrownBy(() -> json("{\"auc\": 0.9,}")).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("metrics.json:1:").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> json("{\"auc\": 0.9, \"auc\": 0.8}")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("duplicate key 'auc'");
        assertThatThrownBy(() -> json("{\"auc\": 0.9} {\"auc\": 0.8}")).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("metrics.json:1:").hasMessageContaining("unexpected content after the end of the document");
        assertThatThrownBy(() -> json("")).isInstanceOf(BadInputException.class).hasMessage("metrics.json: file is empty");
        assertThatThrownBy(() -> json("{\"slices\": {\"x\": 0.5}}")).isInstanceOf(BadInputException.class)
                .hasMessage("metrics.json: slices.x: expected an object of metric name → number, got 0.5");
        assertThatThrownBy(() -> json("{\"slices\": {\"x\": {\"count\": -1}}}")).isInstanceOf(BadInputException.class)
                .hasMessage("metrics.json: slices.x.count: expected the slice's row count (a whole number ≥ 0), got -1");
        assertThatThrownBy(() -> json("{\"slices\": {\"x\": {\"count\": 2.5}}}")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("slices.x.count");
        assertThatThrownBy(() -> json("{\"schema\": \"mlcicd/data-validation/v1\", \"kind\": \"data-validation\"}"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("metrics.json: result document of kind 'data-validation' has neither 'metrics' nor 'slices' to gate on");
        assertThatThrownBy(() -> json("{\"schema\": \"mlcicd/evaluation/v1\", \"metrics\": {\"slices\": 1}}"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("metrics.slices: 'slices' is reserved");
        assertThatThrownBy(() -> MetricsDocument.read(Path.of("src/test/resources/gate/absent.json")))
                .isInstanceOf(BadInputException.class).hasMessage("src/test/resources/gate/absent.json: file not found");
    }

    @Test
    void toJsonReadsBackIdentically() {
        MetricsDocument original = MetricsDocument.read(Path.of("src/test/resources/gate/evaluation-result.json"));
        MetricsDocument copy = MetricsDocument.parse("build #12", original.toJson());
        assertThat(copy).isEqualTo(original);
        assertThat(copy.source()).isEqualTo("build #12");
        assertThat(MetricsDocument.parse("again", copy.toJson()).toJson()).isEqualTo(original.toJson());

        MetricsDocument odd = json("{\"a\": NaN, \"b\": null, \"c\": Infinity, \"d\": \"text\", \"e\": {\"f\": [1, 2]}, \"g\": 3}");
        MetricsDocument oddCopy = MetricsDocument.parse("stored", odd.toJson());
        assertThat(oddCopy).isEqualTo(odd);
        assertThat(overall(oddCopy, "a").missing()).isEqualTo("NaN in candidate");
        assertThat(overall(oddCopy, "c").missing()).startsWith("Infinity in candidate");
        assertThat(oddCopy).isNotEqualTo(json("{\"a\": NaN}"));
    }
}
