package io.jenkins.plugins.mlcicd.jenkins.shadow;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.Run;
import hudson.util.Secret;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.jenkins.common.EngineSecrets;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * An endpoint's {@code credentialsId} as the {@code Authorization} header the engine sends: a secret
 * text is {@code Bearer <token>}, a username with password is {@code Basic base64(user:password)}.
 * The credential is looked up for the build (folder credentials and credentials parameters work, and a
 * user who may not use a credential cannot reach it through a job) and tracked on it. The header value
 * goes into the engine's secrets file under {@link Role#secretName()}; the command line only says
 * {@code ${MLCICD_BASELINE_AUTHORIZATION}}. The value, the token and the password are masked in the
 * engine's output.
 */
final class EndpointCredentials {
    /** Which server a credential is for; names its CLI option and its secret. */
    enum Role {
        BASELINE, CANDIDATE;

        /** {@code baseline} or {@code candidate}. */
        String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The secret's name in the engine's secrets file, e.g. {@code MLCICD_BASELINE_AUTHORIZATION}. */
        String secretName() {
            return "MLCICD_" + name() + "_AUTHORIZATION";
        }
    }

    /** What a credential is, as far as a header is concerned; values are read only when the header is made. */
    sealed interface Found permits Token, Login {
    }

    /** A secret text: a bearer token. */
    record Token(Supplier<String> token) implements Found {
    }

    /** A username with password: HTTP basic authentication. */
    record Login(String username, Supplier<String> password) implements Found {
    }

    /** Finds a credential by id for the build. */
    @FunctionalInterface
    interface Lookup {
        /**
         * @return the credential, or null when there is none this build may use
         * @throws BadInputException when it exists but is of a kind that makes no header
         */
        Found find(String credentialsId);
    }

    private EndpointCredentials() {
    }

    /** The credentials the build may use, tracked on it when found. */
    static Lookup forRun(Run<?, ?> run, String functionName) {
        return id -> {
            StandardCredentials credentials = CredentialsProvider.findCredentialById(id, StandardCredentials.class, run, List.of());
            if (credentials == null) {
                return null;
            }
            Found found = of(credentials);
            if (found == null) {
                throw new BadInputException(functionName + ": credential '" + id + "' is a " + credentials.getClass().getSimpleName()
                        + "; an endpoint takes a secret text (Bearer token) or a username with password (Basic)");
            }
            CredentialsProvider.track(run, credentials);
            return found;
        };
    }

    private static Found of(StandardCredentials credentials) {
        if (credentials instanceof StringCredentials text) {
            Secret token = text.getSecret();
            return new Token(token::getPlainText);
        }
        if (credentials instanceof StandardUsernamePasswordCredentials login) {
            Secret password = login.getPassword();
            return new Login(login.getUsername(), password::getPlainText);
        }
        return null;
    }

    /**
     * Looks up the credential and adds its header value to {@code secrets} under the role's name, with
     * its parts to mask.
     *
     * @return what was found, for the build log ({@link #describe})
     * @throws BadInputException when there is no such credential for this build, or it is of another kind
     */
    static Found add(EngineSecrets secrets, Role role, String credentialsId, Lookup lookup, String functionName) {
        Found found = lookup.find(credentialsId);
        if (found == null) {
            throw new BadInputException(functionName + ": " + role.id() + ".credentialsId: no credential '" + credentialsId
                    + "' that this build may use (a secret text or a username with password; check its ID and the folder it is stored in)");
        }
        if (found instanceof Token token) {
            secrets.put(role.secretName(), () -> bearer(token.token().get())).mask(token.token());
        } else if (found instanceof Login login) {
            secrets.put(role.secretName(), () -> basic(login.username(), login.password().get()))
                    .mask(login.password())
                    .mask(() -> basicToken(login.username(), login.password().get()));
        }
        return found;
    }

    /** What the build log says about a credential: its kind and id, never its value. */
    static String describe(Found found) {
        return found instanceof Token ? "secret text, sent as a Bearer token" : "username with password, sent as Basic authentication";
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    static String basic(String username, String password) {
        return "Basic " + basicToken(username, password);
    }

    private static String basicToken(String username, String password) {
        return Base64.getEncoder().encodeToString(((username == null ? "" : username) + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
