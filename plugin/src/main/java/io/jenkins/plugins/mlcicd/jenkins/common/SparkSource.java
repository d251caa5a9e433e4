package io.jenkins.plugins.mlcicd.jenkins.common;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.model.Run;
import io.jenkins.plugins.mlcicd.data.DataSource;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * A step's data in a Spark cluster ({@code mlDataValidate}'s data, {@code mlEvaluate}'s predictions), reached through
 * Spark Connect by the engine on the agent ({@code mlcicd validate|evaluate --spark URL --table T | --query SQL |
 * --data PATH}); the checks run in the cluster. The token never appears here: it comes from the secret-text
 * credential {@code credentialsId} and reaches the engine in the run's secrets file ({@link #secrets}).
 *
 * @param url           Spark Connect URL, {@code sc://host:port} (no token in it)
 * @param table         the table (may be catalog- and schema-qualified), or null
 * @param query         a Spark SQL SELECT, or null
 * @param path          files the cluster reads ({@code s3a://…}), or null
 * @param credentialsId id of a secret-text credential holding the bearer token, or null (none, or the build's
 *                      environment holds {@code MLCICD_SPARK_TOKEN})
 */
public record SparkSource(String url, String table, String query, String path, String credentialsId) {
    public SparkSource {
        url = trimmed(url);
        table = trimmed(table);
        query = trimmed(query);
        path = trimmed(path);
        credentialsId = trimmed(credentialsId);
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The source when {@code url} is given, else null (the data is elsewhere). */
    public static SparkSource of(String url, String table, String query, String path, String credentialsId) {
        SparkSource source = new SparkSource(url, table, query, path, credentialsId);
        return source.url == null ? null : source;
    }

    /** Checks the URL and that exactly one of table, query and path is given; returns this. */
    public SparkSource validated(String functionName) {
        if (!url.startsWith("sc://")) {
            throw new BadInputException(functionName + ": spark: expected a Spark Connect URL starting with 'sc://', e.g. "
                    + "'sc://spark-connect:15002'");
        }
        if (url.toLowerCase(java.util.Locale.ROOT).contains("token=")) {
            throw new BadInputException(functionName + ": spark: the URL must not hold a token; give a secret-text credential as credentialsId");
        }
        int given = (table == null ? 0 : 1) + (query == null ? 0 : 1) + (path == null ? 0 : 1);
        if (given != 1) {
            throw new BadInputException(functionName + ": spark needs exactly one of table, query and data (a path the cluster reads), "
                    + (given == 0 ? "none is given" : "not several"));
        }
        return this;
    }

    /** The source's {@code mlcicd} options (the same for validate and evaluate); the token is not among them. */
    public List<String> cliArguments() {
        List<String> args = new ArrayList<>();
        args.add("--spark=" + url);
        args.add(table != null ? "--table=" + table : query != null ? "--query=" + query : "--data=" + path);
        return args;
    }

    /** For the build page and log. */
    public String describe() {
        return new DataSource.Spark(url, table, query, path, null).describe() + (query == null ? "" : ": " + query);
    }

    /**
     * The token of {@code credentialsId} as the named secret {@value DataSource.Spark#DEFAULT_TOKEN_ENV} in the run's
     * secrets file (0600, deleted after the step): never an argument or environment variable. Looked up for the build
     * and tracked on it, like a database login.
     */
    public EngineSecrets secrets(Run<?, ?> run, String functionName) {
        EngineSecrets secrets = new EngineSecrets();
        if (credentialsId == null) {
            return secrets;
        }
        StringCredentials token = CredentialsProvider.findCredentialById(credentialsId, StringCredentials.class, run, List.of());
        if (token == null) {
            throw new BadInputException(functionName + ": credentialsId: no secret-text credential '" + credentialsId
                    + "' that this build may use (check its ID, its kind and the folder it is stored in)");
        }
        CredentialsProvider.track(run, token);
        return secrets.put(DataSource.Spark.DEFAULT_TOKEN_ENV, token.getSecret());
    }
}
