package io.jenkins.plugins.mlcicd.jenkins.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.input.Durations;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainArgumentsTest {
    @Test
    void dataIsAPathOrAListOfPaths() {
        assertThat(TrainArguments.paths("data", null)).isEmpty();
        assertThat(TrainArguments.paths("data", " data/train.parquet ")).containsExactly("data/train.parquet");
        assertThat(TrainArguments.paths("data", List.of("a.csv", new StringBuilder("dir/")))).containsExactly("a.csv", "dir/");
        assertThatThrownBy(() -> TrainArguments.paths("data", List.of("a.csv", 3)))
                .isInstanceOf(BadInputException.class).hasMessage("data[1]: expected a workspace path, got a Integer");
        assertThatThrownBy(() -> TrainArguments.paths("data", Map.of("a", "b")))
                .hasMessage("data: expected a path or a list of paths, got a map");
    }

    @Test
    void paramsKeepTheTextTheUserWroteInOrder() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("lr", new BigDecimal("0.10"));
        params.put("epochs", 10);
        params.put("early_stop", true);
        params.put("opt", "adam");
        assertThat(TrainArguments.strings("params", params))
                .containsExactly(entry("lr", "0.10"), entry("epochs", "10"), entry("early_stop", "true"), entry("opt", "adam"));
        assertThatThrownBy(() -> TrainArguments.strings("params", Map.of("layers", List.of(1, 2))))
                .hasMessage("params.layers: expected a string, number or boolean, got a list");
        assertThatThrownBy(() -> TrainArguments.strings("params", "lr=0.1"))
                .hasMessage("params: expected a map such as [lr: '0.1'], got a String");
    }

    @Test
    void freestyleLines() {
        assertThat(TrainArguments.lines("params", "lr = 0.1\n# comment\n\nopt=adam=w\n"))
                .containsExactly(entry("lr", "0.1"), entry("opt", "adam=w"));
        assertThatThrownBy(() -> TrainArguments.lines("params", "lr=0.1\nepochs"))
                .hasMessage("params: line 2: expected name=value, got 'epochs'");
        assertThatThrownBy(() -> TrainArguments.lines("params", "lr=0.1\nlr=0.2"))
                .hasMessage("params: line 2: 'lr' is given twice");
        assertThat(TrainArguments.pathLines(" a.csv \n\n#x\nb/\n")).containsExactly("a.csv", "b/");
    }

    @Test
    void registryIsANameOrAMapWithKnownKeys() {
        assertThat(TrainArguments.registry(null)).isNull();
        assertThat(TrainArguments.registry("fraud-model")).isEqualTo(new RegistryTarget("fraud-model", null, null));
        assertThat(TrainArguments.registry(Map.of("name", "fraud-model", "alias", "candidate")))
                .isEqualTo(new RegistryTarget("fraud-model", "candidate", null));
        assertThatThrownBy(() -> TrainArguments.registry(Map.of("name", "m", "stage", "prod")))
                .hasMessage("registry: unknown key 'stage'; known: name, alias, modelUri");
        assertThatThrownBy(() -> TrainArguments.registry(Map.of("alias", "candidate")))
                .hasMessage("registry: name: required (the registered model's name)");
        assertThatThrownBy(() -> TrainArguments.registry(Map.of("name", "../etc")))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("registry: model name '../etc' is invalid");
        assertThatThrownBy(() -> TrainArguments.registry(Map.of("name", "m", "alias", "latest")))
                .hasMessageContaining("alias 'latest' is reserved");
    }

    @Test
    void timeoutIsTheEnginesDurationSyntaxWithBareNumbersInSeconds() {
        assertThat(TrainArguments.timeout(null)).isNull();
        assertThat(TrainArguments.timeout(" ")).isNull();
        // one syntax with mlcicd train --timeout (input.Durations): a bare number is seconds
        assertThat(TrainArguments.timeout(90)).isEqualTo(Duration.ofSeconds(90)).isEqualTo(Durations.parse("90"));
        assertThat(TrainArguments.timeout("30")).isEqualTo(Duration.ofSeconds(30));
        assertThat(TrainArguments.timeout(new BigDecimal("120.0"))).isEqualTo(Duration.ofMinutes(2));
        assertThat(TrainArguments.timeout("45s")).isEqualTo(Duration.ofSeconds(45));
        assertThat(TrainArguments.timeout("90m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(TrainArguments.timeout("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(TrainArguments.timeout("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(TrainArguments.timeout("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(TrainArguments.timeout("1500ms")).isEqualTo(Duration.ofMillis(1500));
        assertThat(TrainArguments.timeout("PT1H30M")).isEqualTo(Duration.ofMinutes(90));
        assertThatThrownBy(() -> TrainArguments.timeout("soon")).hasMessageStartingWith("timeout: 'soon' is not a duration");
        assertThatThrownBy(() -> TrainArguments.timeout(0)).hasMessage("timeout: must be positive, got 0");
        assertThatThrownBy(() -> TrainArguments.timeout(-5)).hasMessage("timeout: must be positive, got -5");
        assertThatThrownBy(() -> TrainArguments.timeout(new BigDecimal("1.5"))).hasMessageStartingWith("timeout: whole seconds");
        assertThatThrownBy(() -> TrainArguments.timeout(List.of(1))).hasMessageStartingWith("timeout: expected seconds");
    }
}
