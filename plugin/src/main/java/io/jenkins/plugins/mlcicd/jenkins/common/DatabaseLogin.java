package io.jenkins.plugins.mlcicd.jenkins.common;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.Run;
import hudson.util.Secret;
import io.jenkins.plugins.mlcicd.data.DataSource;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The database login of a step's {@code credentialsId} ({@code mlDataValidate}, {@code mlEvaluate}): a Jenkins username-with-password
 * credential, looked up for the build (so folder credentials and credentials parameters work, and a
 * user who may not use a credential cannot reach it through a job) and tracked on it. The engine reads
 * it from the environment variables {@value DataSource.Jdbc#DEFAULT_USER_ENV} and
 * {@value DataSource.Jdbc#DEFAULT_PASSWORD_ENV} of its JVM: never from its command line, which other
 * users of the agent can read and the build log shows.
 *
 * <p>The password stays a {@link Secret} until {@link #environment()} is called, as the JVM is started.
 * {@link #toString()} names the credential only.
 */
public final class DatabaseLogin {
    private final String credentialsId;
    private final String username;
    private final Secret password;

    private DatabaseLogin(String credentialsId, String username, Secret password) {
        this.credentialsId = credentialsId;
        this.username = username;
        this.password = password;
    }

    /**
     * @return the login, or null when the source names no credential
     * @throws BadInputException when the credential does not exist, is not a username with password,
     *                           or may not be used by this build
     */
    public static DatabaseLogin lookup(Run<?, ?> run, DatabaseSource source, String functionName) {
        if (source == null || source.credentialsId() == null) {
            return null;
        }
        String id = source.credentialsId();
        StandardUsernamePasswordCredentials credentials =
                CredentialsProvider.findCredentialById(id, StandardUsernamePasswordCredentials.class, run, List.of());
        if (credentials == null) {
            throw new BadInputException(functionName + ": credentialsId: no username-with-password credential '" + id
                    + "' that this build may use (check its ID, its kind and the folder it is stored in)");
        }
        CredentialsProvider.track(run, credentials);
        return new DatabaseLogin(id, credentials.getUsername(), credentials.getPassword());
    }

    /** The environment variables the engine's JVM gets; the only place the password is plain text. */
    public Map<String, String> environment() {
        return environment(username, password.getPlainText());
    }

    /**
     * {@value DataSource.Jdbc#DEFAULT_USER_ENV} and {@value DataSource.Jdbc#DEFAULT_PASSWORD_ENV}, the
     * variables {@code mlcicd validate} reads by default. An empty password is passed as empty: the
     * credential says the account has none.
     */
    public static Map<String, String> environment(String username, String password) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(DataSource.Jdbc.DEFAULT_USER_ENV, username == null ? "" : username);
        env.put(DataSource.Jdbc.DEFAULT_PASSWORD_ENV, password == null ? "" : password);
        return env;
    }

    public String credentialsId() {
        return credentialsId;
    }

    @Override
    public String toString() {
        return "database login from credential '" + credentialsId + "'";
    }
}
