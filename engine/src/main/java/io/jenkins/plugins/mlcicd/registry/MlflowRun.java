package io.jenkins.plugins.mlcicd.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlcicd.input.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One MLflow tracking run, so that a registered version has a "Source Run" in MLflow's UI and its
 * parameters and metrics can be charted and compared. The run lives in an experiment found by name
 * or created; its artifacts go through the tracking server's artifact proxy.
 *
 * <p>Limits follow MLflow's {@code mlflow/utils/validation.py}: a log-batch carries at most 100
 * params, 100 tags and 1000 metrics; the lowest param value limit across supported versions is 6000
 * characters (500 before 2.x; longer values stay in the lineage artifact and are not logged as params).
 */
final class MlflowRun {
    static final int MAX_PARAMS_PER_BATCH = 100;
    static final int MAX_TAGS_PER_BATCH = 100;
    static final int MAX_METRICS_PER_BATCH = 1000;
    static final int MAX_PARAM_VALUE = 6000;
    /** Run tag naming params too long to log as MLflow params; their values are in the lineage artifact. */
    static final String TAG_PARAMS_IN_LINEAGE = "mlcicd.params_only_in_lineage";
    private static final String PROXY_SCHEME = "mlflow-artifacts:";

    private final MlflowHttp http;
    final String experimentId;
    final String runId;
    /** The run's artifact root as MLflow reports it, e.g. {@code mlflow-artifacts:/1/<run_id>/artifacts}. */
    final String artifactUri;

    private MlflowRun(MlflowHttp http, String experimentId, String runId, String artifactUri) {
        this.http = http;
        this.experimentId = experimentId;
        this.runId = runId;
        this.artifactUri = artifactUri;
    }

    /** Finds or creates the experiment, then creates a run in it (RUNNING, with the given start time). */
    static MlflowRun start(MlflowHttp http, String experimentName, String runName, String user, long startMillis, Map<String, String> tags) {
        String experimentId = experimentId(http, experimentName);
        ObjectNode body = Json.mapper().createObjectNode().put("experiment_id", experimentId).put("start_time", startMillis)
                .put("run_name", runName);
        if (user != null) {
            body.put("user_id", user);
        }
        ArrayNode tagList = body.putArray("tags");
        tags.forEach((k, v) -> tagList.addObject().put("key", k).put("value", v));
        // Not repeated after an ambiguous failure: a second run would be an orphan in the experiment.
        JsonNode info = http.post("runs/create", body, MlflowHttp.Idempotence.ONLY_IF_NOT_PROCESSED).path("run").path("info");
        String runId = info.path("run_id").asText(info.path("run_uuid").asText(""));
        if (runId.isEmpty()) {
            throw new RegistryException(RegistryException.Kind.PROTOCOL, "MLflow at " + http.location() + ": runs/create answered no run_id");
        }
        return new MlflowRun(http, experimentId, runId, info.path("artifact_uri").asText(""));
    }

    private static String experimentId(MlflowHttp http, String name) {
        try {
            return http.get("experiments/get-by-name", Map.of("experiment_name", name)).path("experiment").path("experiment_id").asText();
        } catch (RegistryException e) {
            if (e.kind() != RegistryException.Kind.NOT_FOUND) {
                throw e;
            }
        }
        try {
            return http.post("experiments/create", Json.mapper().createObjectNode().put("name", name), MlflowHttp.Idempotence.SAFE)
                    .path("experiment_id").asText();
        } catch (MlflowHttp.HttpFailure e) {
            if (!e.alreadyExists()) {
                throw e;
            }
            // created by a concurrent training between our two calls
            return http.get("experiments/get-by-name", Map.of("experiment_name", name)).path("experiment").path("experiment_id").asText();
        }
    }

    /** Logs params, metrics and tags in batches within MLflow's per-request limits. */
    void log(Map<String, String> params, Map<String, Double> metrics, Map<String, String> tags, long timestamp) {
        List<ObjectNode> paramItems = new ArrayList<>();
        List<String> tooLong = new ArrayList<>();
        params.forEach((k, v) -> {
            if (v != null && v.length() <= MAX_PARAM_VALUE) {
                paramItems.add(Json.mapper().createObjectNode().put("key", k).put("value", v));
            } else if (v != null) {
                tooLong.add(k);
            }
        });
        List<ObjectNode> tagItems = new ArrayList<>();
        tags.forEach((k, v) -> tagItems.add(Json.mapper().createObjectNode().put("key", k).put("value", v)));
        if (!tooLong.isEmpty()) { // not silent: the run says which params only the lineage artifact holds
            String keys = String.join(",", tooLong);
            tagItems.add(Json.mapper().createObjectNode().put("key", TAG_PARAMS_IN_LINEAGE)
                    .put("value", keys.length() <= 5000 ? keys : keys.substring(0, 4990) + ",…"));
        }
        List<ObjectNode> metricItems = new ArrayList<>();
        metrics.forEach((k, v) -> {
            if (v != null && Double.isFinite(v)) { // MLflow stores NaN, but charts cannot show it
                metricItems.add(Json.mapper().createObjectNode().put("key", k).put("value", v).put("timestamp", timestamp).put("step", 0));
            }
        });
        int p = 0;
        int t = 0;
        int m = 0;
        while (p < paramItems.size() || t < tagItems.size() || m < metricItems.size()) {
            ObjectNode batch = Json.mapper().createObjectNode().put("run_id", runId);
            int pe = Math.min(paramItems.size(), p + MAX_PARAMS_PER_BATCH);
            int te = Math.min(tagItems.size(), t + MAX_TAGS_PER_BATCH);
            int me = Math.min(metricItems.size(), m + MAX_METRICS_PER_BATCH);
            batch.putArray("params").addAll(paramItems.subList(p, pe));
            batch.putArray("tags").addAll(tagItems.subList(t, te));
            batch.putArray("metrics").addAll(metricItems.subList(m, me));
            http.post("runs/log-batch", batch, MlflowHttp.Idempotence.SAFE); // the same values again are accepted
            p = pe;
            t = te;
            m = me;
        }
    }

    /** Uploads text as the run artifact {@code path}; returns its artifact URI. */
    String upload(String path, String text) {
        http.putArtifact(proxyPath(path), text.getBytes(StandardCharsets.UTF_8));
        return artifactUri + "/" + path;
    }

    /** Uploads a file, or every regular file under a directory, below the artifact directory {@code dir}; returns its URI. */
    String upload(String dir, Path local) {
        try {
            if (Files.isDirectory(local)) {
                try (Stream<Path> files = Files.walk(local)) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        String relative = local.relativize(file).toString().replace('\\', '/');
                        http.putArtifact(proxyPath(dir + "/" + relative), Files.readAllBytes(file));
                    }
                }
            } else {
                http.putArtifact(proxyPath(dir + "/" + local.getFileName()), Files.readAllBytes(local));
            }
        } catch (IOException e) {
            throw new RegistryException(RegistryException.Kind.INVALID, "cannot read the model at " + local + " to upload it to MLflow: " + e, e);
        }
        return artifactUri + "/" + dir;
    }

    /**
     * The proxy path of a run artifact. Only {@code mlflow-artifacts:} roots can be written through
     * the tracking server; any other root (s3://, a server-local path) needs the client to hold
     * storage credentials, which this adapter deliberately does not.
     */
    private String proxyPath(String path) {
        if (!artifactUri.startsWith(PROXY_SCHEME)) {
            throw new RegistryException(RegistryException.Kind.INVALID, "MLflow at " + http.location() + " keeps run artifacts at '"
                    + artifactUri + "', which only its server can write; run 'mlflow server' with artifact serving (--serve-artifacts, "
                    + "the default since 2.0) or give --model-uri with where the model already is");
        }
        String root = artifactUri.substring(PROXY_SCHEME.length());
        if (root.startsWith("//")) { // mlflow-artifacts://host:port/path: the host is this server
            int slash = root.indexOf('/', 2);
            root = slash < 0 ? "" : root.substring(slash);
        }
        return root.replaceAll("^/+", "") + "/" + path;
    }

    /** Ends the run: FINISHED or FAILED, with its end time. */
    void end(String status, long endMillis) {
        http.post("runs/update", Json.mapper().createObjectNode().put("run_id", runId).put("status", status).put("end_time", endMillis),
                MlflowHttp.Idempotence.SAFE);
    }
}
