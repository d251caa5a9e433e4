package io.jenkins.plugins.mlcicd.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsFileTest {
    @TempDir
    Path dir;

    @Test
    void nestedObjectsFlattenToDottedNamesInFileOrder() throws Exception {
        Path file = Files.writeString(dir.resolve("metrics.json"),
                "{\"auc\": 0.91, \"val\": {\"loss\": 0.3, \"by\": {\"DE\": 1}}, \"model\": \"lr\", \"curve\": [1, 2], \"ok\": true, \"none\": null}");
        MetricsFile metrics = MetricsFile.read(file, "metrics.json");
        assertThat(metrics.values()).containsExactly(
                org.assertj.core.api.Assertions.entry("auc", 0.91),
                org.assertj.core.api.Assertions.entry("val.loss", 0.3),
                org.assertj.core.api.Assertions.entry("val.by.DE", 1.0));
        assertThat(metrics.skipped()).containsExactly("model", "curve", "ok", "none");
    }

    @Test
    void pythonsNaNAndInfinityAreReadAsTheGateReadsThemAndSkippedAsNonFinite() throws Exception {
        // what json.dump writes for float('nan') and float('inf'); train used to fail a finished run on it
        Path file = Files.writeString(dir.resolve("metrics.json"), "{\"auc\": 0.9, \"loss\": NaN, \"ratio\": Infinity, \"big\": 1e999}");
        MetricsFile metrics = MetricsFile.read(file, "metrics.json");
        assertThat(metrics.values()).containsOnlyKeys("auc");
        assertThat(metrics.skipped()).containsExactly("loss (NaN)", "ratio (Infinity)", "big (Infinity)");
        io.jenkins.plugins.mlcicd.gate.MetricsDocument gate = io.jenkins.plugins.mlcicd.gate.MetricsDocument.read(file);
        assertThat(gate.metricNames()).containsExactly("auc", "loss", "ratio", "big");
    }

    @Test
    void yamlIsReadForOtherExtensions() throws Exception {
        Path file = Files.writeString(dir.resolve("metrics.yaml"), "auc: 0.8\nf1: 0.5\n");
        assertThat(MetricsFile.read(file, "metrics.yaml").values()).containsOnlyKeys("auc", "f1");
    }

    @Test
    void malformedOrNonObjectFilesAreBadInputNamingTheFile() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"auc\": 0.9,");
        assertThatThrownBy(() -> MetricsFile.read(broken, "out/broken.json")).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("out/broken.json");
        Path list = Files.writeString(dir.resolve("list.json"), "[0.9]");
        assertThatThrownBy(() -> MetricsFile.read(list, "list.json")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("must be an object");
    }
}
