package io.jenkins.plugins.mlcicd.jenkins.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The step's and the builder's parameters become the same request. */
class TrainStepTest {
    @Test
    void pipelineValuesBecomeTheRequest() {
        TrainStep step = new TrainStep("python train.py", "out/model.bin", "out/metrics.json");
        step.setData(List.of("data/train.parquet", "data/valid/"));
        step.setParams(Map.of("lr", new BigDecimal("0.1")));
        step.setDataIds(Map.of("features", "lakefs://repo/commit/8a1f"));
        step.setRegistry(Map.of("name", "fraud-model", "alias", "candidate"));
        step.setTimeout("90m");
        TrainRequest request = step.request().validated("mlTrain");
        assertThat(request.data()).containsExactly("data/train.parquet", "data/valid/");
        assertThat(request.params()).containsExactly(entry("lr", "0.1"));
        assertThat(request.dataIds()).containsExactly(entry("features", "lakefs://repo/commit/8a1f"));
        assertThat(request.registry()).isEqualTo(new RegistryTarget("fraud-model", "candidate", null));
        assertThat(request.timeout()).isEqualTo(Duration.ofMinutes(90));
        assertThat(request.python()).isEqualTo("python3");
        assertThat(step.options().id()).isEqualTo("train");
        assertThat(step.options().functionName()).isEqualTo("mlTrain");
    }

    @Test
    void blankSnippetFieldsAreNoValue() {
        TrainStep step = new TrainStep("true", "m", "x.json");
        step.setData(" ");
        step.setTimeout("");
        assertThat(step.getData()).isNull();
        assertThat(step.request().data()).isEmpty();
        assertThat(step.request().timeout()).isNull();
    }

    @Test
    void wrongShapesAreNamed() {
        TrainStep step = new TrainStep("true", "m", "x.json");
        step.setParams(List.of("lr=0.1"));
        assertThatThrownBy(step::request).isInstanceOf(BadInputException.class)
                .hasMessage("params: expected a map such as [lr: '0.1'], got a list");
    }

    @Test
    void builderDefaultsAreWhatItsFormShows() {
        TrainBuilder builder = new TrainBuilder("python train.py", "out/model.bin", "out/metrics.json");
        assertThat(builder.getPython()).isEqualTo("python3");
        assertThat(builder.getId()).isEqualTo("train");
        builder.setPython(" ");
        assertThat(builder.getPython()).isEqualTo("python3");
        builder.setRegistryName(" ");
        assertThat(builder.getRegistryName()).isNull();
    }
}
