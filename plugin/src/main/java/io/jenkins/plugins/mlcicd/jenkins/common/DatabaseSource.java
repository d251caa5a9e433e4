package io.jenkins.plugins.mlcicd.jenkins.common;

import io.jenkins.plugins.mlcicd.data.DataSource;
import io.jenkins.plugins.mlcicd.data.JdbcTables;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * A step's data in a database instead of the workspace ({@code mlDataValidate}'s data, {@code mlEvaluate}'s
 * predictions): a table or a query, read over JDBC by the engine on the agent
 * ({@code mlcicd validate|evaluate --jdbc URL --table T | --query SQL}).
 * The user name and password never appear here: they come from the Jenkins credential
 * {@code credentialsId} and reach the engine's JVM as environment variables only ({@link DatabaseLogin}).
 *
 * @param url           JDBC URL without a password, e.g. {@code jdbc:postgresql://db:5432/features}; null when not given
 * @param table         the table (may be schema-qualified), or null
 * @param query         a SELECT whose result is the dataset, or null
 * @param credentialsId id of a username-with-password credential, or null (no login, or one the
 *                      build's environment already holds in {@code MLCICD_JDBC_USER}/{@code MLCICD_JDBC_PASSWORD})
 */
public record DatabaseSource(String url, String table, String query, String credentialsId) {
    public DatabaseSource {
        url = trimmed(url);
        table = trimmed(table);
        query = trimmed(query);
        credentialsId = trimmed(credentialsId);
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The source the parameters describe, or null when none of them is given (the data is in files). */
    public static DatabaseSource of(String url, String table, String query, String credentialsId) {
        DatabaseSource source = new DatabaseSource(url, table, query, credentialsId);
        return source.url == null && source.table == null && source.query == null && source.credentialsId == null
                ? null : source;
    }

    /**
     * Checks what goes with {@code jdbc}; returns this. Called when {@code data} is not given (the
     * request checks that {@code data} and {@code jdbc} are not both there).
     */
    public DatabaseSource validated(String functionName) {
        if (url == null) {
            List<String> given = new ArrayList<>();
            if (table != null) {
                given.add("table");
            }
            if (query != null) {
                given.add("query");
            }
            if (credentialsId != null) {
                given.add("credentialsId");
            }
            throw new BadInputException(functionName + ": " + String.join(" and ", given)
                    + " go" + (given.size() == 1 ? "es" : "") + " with jdbc (a JDBC URL, e.g. 'jdbc:postgresql://db:5432/features'), which is not given");
        }
        String problem = urlProblem(url);
        if (problem != null) {
            throw new BadInputException(functionName + ": jdbc: " + problem);
        }
        if ((table == null) == (query == null)) {
            throw new BadInputException(functionName + ": jdbc needs exactly one of table and query, "
                    + (table == null ? "neither is given" : "not both"));
        }
        return this;
    }

    /**
     * Why a JDBC URL is not acceptable, or null (shared with the form check). A password in the URL
     * would be on the engine's command line and in the build log; the message never repeats it.
     */
    public static String urlProblem(String url) {
        if (!url.startsWith("jdbc:")) {
            return "expected a JDBC URL starting with 'jdbc:', e.g. 'jdbc:postgresql://db:5432/features', was '"
                    + JdbcTables.redact(url) + "'";
        }
        if (JdbcTables.holdsPassword(url)) {
            return JdbcTables.redact(url) + ": the URL must not hold a password; give a username-with-password credential as credentialsId";
        }
        return null;
    }

    /** The source's {@code mlcicd} options (the same for validate and evaluate); the login is not among them. */
    public List<String> cliArguments() {
        List<String> args = new ArrayList<>();
        args.add("--jdbc=" + url);
        args.add(table != null ? "--table=" + table : "--query=" + query);
        return args;
    }

    /** For the build page: the URL without any user info, and the table or the query. */
    public String describe() {
        return new DataSource.Jdbc(url, table, query, null, null).describe() + (query == null ? "" : ": " + query);
    }
}
