package io.jenkins.plugins.mlcicd.jenkins.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainRequestTest {
    private static TrainRequest request(String command, String model, String metrics, List<String> data, Map<String, String> ids) {
        return new TrainRequest(command, model, metrics, data, ids, Map.of(), null, null, null);
    }

    @Test
    void requiredParametersAreNamed() {
        assertThatThrownBy(() -> request(" ", "m", "x.json", null, null).validated("mlTrain"))
                .hasMessage("mlTrain: command: required (the training command, e.g. 'python train.py')");
        assertThatThrownBy(() -> request("true", null, "x.json", null, null).validated("mlTrain"))
                .hasMessage("mlTrain: model: required (workspace path of the model the command writes)");
        assertThatThrownBy(() -> request("true", "m", "", null, null).validated("mlTrain"))
                .hasMessage("mlTrain: metrics: required (workspace path of the metrics JSON the command writes)");
    }

    @Test
    void anInputIsHashedOrNamedNotBoth() {
        assertThatThrownBy(() -> request("true", "m", "x.json", List.of("a.csv"), Map.of("a.csv", "dvc:1")).validated("mlTrain"))
                .hasMessage("mlTrain: dataIds: 'a.csv' is also in data; give it one way");
    }

    @Test
    void defaults() {
        TrainRequest request = request("true", "m", "x.json", null, null).validated("mlTrain");
        assertThat(request.python()).isEqualTo("python3");
        assertThat(request.data()).isEmpty();
        assertThat(request.dataIds()).isEmpty();
    }

    @Test
    void registryTargetDefaultsToTheBuildsArtifactUrl() {
        RegistryTarget target = new RegistryTarget("fraud", "candidate", null);
        assertThat(target.modelUriFor("https://ci.example.com/job/p/7/", "./out/model.bin"))
                .isEqualTo("https://ci.example.com/job/p/7/artifact/out/model.bin");
        assertThat(target.modelUriFor("job/p/7", "out\\model.bin")).isEqualTo("job/p/7/artifact/out/model.bin");
        assertThat(new RegistryTarget("fraud", null, "s3://m/7/model.bin").modelUriFor("x", "y")).isEqualTo("s3://m/7/model.bin");
    }
}
