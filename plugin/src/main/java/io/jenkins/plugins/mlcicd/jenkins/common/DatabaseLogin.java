package io.jenkins.plugins.mlcicd.jenkins.common;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.Run;
import hudson.util.Secret;
import io.jenkins.plugins.mlcicd.data.DataSource;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import java.util.List;
import java.util.Map;

/**
 * The database login of a step's {@code credentialsId} ({@code mlDataValidate}, {@code mlEvaluate}): a Jenkins username-with-password
 * credential, looked up for the build (so folder credentials and credentials parameters work, and a
 * user who may not use a credential cannot reach it through a job) and tracked on it. The engine reads
 * the password as the named secret {@value DataSource.Jdbc#DEFAULT_PASSWORD_ENV} from the run's secrets
 * file ({@link EngineSecrets}: mode 0600 in the run's {@code @tmp} work directory, deleted when the step
 * ends), and the user name from its JVM's environment variable {@value DataSource.Jdbc#DEFAULT_USER_ENV}.
 * Neither is on its command line, which other users of the agent can read and the build log shows.
 * The password is not an environment variable either: inside {@code docker.inside} the launcher becomes
 * {@code docker exec --env NAME=value …}, which the host's process list shows. The user name is not
 * secret (Jenkins lists it with the credential).
 *
 * <p>The password stays a {@link Secret} until {@link EngineSecrets#writeTo} sends it to the agent.
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

    /** The environment variable the engine's JVM gets: the user name only. */
    public Map<String, String> environment() {
        return environment(username);
    }

    /** The password, under the secret name {@code mlcicd validate} reads by default. */
    public EngineSecrets secrets() {
        return new EngineSecrets().put(DataSource.Jdbc.DEFAULT_PASSWORD_ENV, password);
    }

    /**
     * {@value DataSource.Jdbc#DEFAULT_USER_ENV}, the variable {@code mlcicd validate} reads by default
     * (empty when the credential has none). Never the password: see the class comment.
     */
    public static Map<String, String> environment(String username) {
        return Map.of(DataSource.Jdbc.DEFAULT_USER_ENV, username == null ? "" : username);
    }

    public String credentialsId() {
        return credentialsId;
    }

    @Override
    public String toString() {
        return "database login from credential '" + credentialsId + "'";
    }
}
