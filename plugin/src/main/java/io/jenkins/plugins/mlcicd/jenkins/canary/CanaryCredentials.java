package io.jenkins.plugins.mlcicd.jenkins.canary;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.Run;
import hudson.util.Secret;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.jenkins.common.EngineSecrets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Resolves the credentials a plan names ({@link PlanCredentials}) for the build, records their use on
 * it, and turns each into the {@code Authorization} header value the engine expects under the
 * credential's id in its secrets file ({@link AuthorizationHeaders}). Also yields the plain values the
 * copied engine log is masked with; they live in memory only (a transient field of the execution).
 */
final class CanaryCredentials {
    private CanaryCredentials() {
    }

    /** The secrets file's content and what to mask in the log. */
    record Resolved(EngineSecrets secrets, List<String> masks) {
    }

    /**
     * @throws BadInputException when a credential does not exist for this build or is of another kind
     */
    static Resolved resolve(Run<?, ?> run, Collection<String> ids, String functionName) {
        EngineSecrets secrets = new EngineSecrets();
        List<String> masks = new ArrayList<>();
        for (String id : ids) {
            StringCredentials token = CredentialsProvider.findCredentialById(id, StringCredentials.class, run, List.of());
            if (token != null) {
                CredentialsProvider.track(run, token);
                String plain = token.getSecret().getPlainText();
                secrets.put(id, Secret.fromString(AuthorizationHeaders.bearer(plain)));
                masks.add(plain);
                continue;
            }
            StandardUsernamePasswordCredentials login =
                    CredentialsProvider.findCredentialById(id, StandardUsernamePasswordCredentials.class, run, List.of());
            if (login != null) {
                CredentialsProvider.track(run, login);
                String password = login.getPassword().getPlainText();
                String header = AuthorizationHeaders.basic(login.getUsername(), password);
                secrets.put(id, Secret.fromString(header));
                masks.add(password);
                masks.add(header.substring("Basic ".length()));
                continue;
            }
            throw new BadInputException(functionName + ": the plan's credentialsId '" + id + "' is no secret text and no"
                    + " username with password that this build may use (check its ID, its kind and the folder it is stored in)");
        }
        return new Resolved(secrets, masks);
    }
}
