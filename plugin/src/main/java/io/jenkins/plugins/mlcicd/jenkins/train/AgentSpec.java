package io.jenkins.plugins.mlcicd.jenkins.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.input.Json;
import io.jenkins.plugins.mlcicd.lineage.CodeVersion;
import io.jenkins.plugins.mlcicd.lineage.Executables;
import io.jenkins.plugins.mlcicd.lineage.RuntimeEnvironment;
import io.jenkins.plugins.mlcicd.lineage.TrainingCommand;
import io.jenkins.plugins.mlcicd.lineage.TrainingRequest;
import io.jenkins.plugins.mlcicd.lineage.TrainingRun;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the agent needs to record a training run's lineage: the request in plain serializable
 * values (it crosses the remoting channel; engine records do not), turned back into the engine's
 * {@link TrainingRequest} there. Also the JSON form in which {@link TrainingRun.Started} travels
 * from the agent to the controller and back.
 */
final class AgentSpec implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String command;
    private final String model;
    private final String metrics;
    private final ArrayList<String> data;
    private final LinkedHashMap<String, String> dataIds;
    private final LinkedHashMap<String, String> params;
    private final String python;
    /** The SCM's code version as JSON, or null to ask git in the workspace. */
    private final String scmCode;
    /** The build's {@code PATH} (with {@code withEnv}, tool installations), or null. */
    private final String buildPath;

    AgentSpec(TrainRequest request, CodeVersion scm) {
        this(request, scm, null);
    }

    AgentSpec(TrainRequest request, CodeVersion scm, String buildPath) {
        this.command = request.command();
        this.model = request.model();
        this.metrics = request.metrics();
        this.data = new ArrayList<>(request.data());
        this.dataIds = new LinkedHashMap<>(request.dataIds());
        this.params = new LinkedHashMap<>(request.params());
        this.python = request.python();
        this.scmCode = scm == null ? null : write(Json.mapper().valueToTree(scm));
        this.buildPath = buildPath;
    }

    String model() {
        return model;
    }

    /** The interpreter as the user named it: the launcher looks it up in the build's {@code PATH} (in the container, if any). */
    String python() {
        return python;
    }

    /**
     * The engine's request for the workspace {@code workDir}. The command is a shell command line
     * (that is how the launcher runs it); the timeout is the launcher's business, so none here. The
     * interpreter is looked up in the build's {@code PATH}, which the agent's own process lacks.
     */
    TrainingRequest toRequest(Path workDir) {
        CodeVersion code = scmCode == null ? null : read(scmCode, CodeVersion.class);
        return new TrainingRequest(new TrainingCommand(command, true, workDir, Map.of(), null),
                model, metrics, data, dataIds, params, Executables.resolve(python, buildPath, workDir), code);
    }

    static String startedToJson(TrainingRun.Started started) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("startedAt", started.startedAt().toString());
        node.set("code", Json.mapper().valueToTree(started.code()));
        node.set("environment", Json.mapper().valueToTree(started.environment()));
        return write(node);
    }

    static TrainingRun.Started startedFromJson(String json) {
        try {
            JsonNode node = Json.mapper().readTree(json);
            return new TrainingRun.Started(Instant.parse(node.path("startedAt").asText()),
                    Json.mapper().treeToValue(node.path("code"), CodeVersion.class),
                    Json.mapper().treeToValue(node.path("environment"), RuntimeEnvironment.class));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalStateException("the agent's start record cannot be read: " + e.getMessage(), e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new BadInputException("cannot read " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    private static String write(JsonNode node) {
        try {
            return Json.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
