package io.jenkins.plugins.mlcicd.registry;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * How requests to MLflow authenticate, as MLflow's own clients do: a bearer token
 * ({@code MLFLOW_TRACKING_TOKEN}, e.g. behind an OIDC proxy or on Databricks) or HTTP Basic with a
 * user name and password ({@code MLFLOW_TRACKING_USERNAME}/{@code MLFLOW_TRACKING_PASSWORD}, the
 * {@code mlflow server --app-name basic-auth} app). Secrets are read through suppliers when a request
 * is built, so they are never kept in fields that reach messages.
 */
public interface MlflowAuth {
    /** The {@code Authorization} header value, or null to send none. */
    String header();

    /** What kind of credentials this is, for hints in error messages (never the secret). */
    String describe();

    /** Text a server sent, with these credentials masked in every form it may repeat them in. */
    default String masked(String text) {
        return io.jenkins.plugins.mlcicd.input.Secrets.masked(text, header());
    }

    static MlflowAuth none() {
        return new MlflowAuth() {
            @Override
            public String header() {
                return null;
            }

            @Override
            public String describe() {
                return "no credentials";
            }
        };
    }

    /** A bearer token; a null or blank token sends no header. */
    static MlflowAuth bearer(Supplier<String> token) {
        return new MlflowAuth() {
            @Override
            public String header() {
                String secret = token == null ? null : token.get();
                return secret == null || secret.isBlank() ? null : "Bearer " + secret.strip();
            }

            @Override
            public String describe() {
                return "a bearer token";
            }
        };
    }

    /** HTTP Basic (RFC 7617, UTF-8); a null user sends no header. */
    static MlflowAuth basic(Supplier<String> username, Supplier<String> password) {
        return new MlflowAuth() {
            @Override
            public String header() {
                String user = username.get();
                if (user == null || user.isEmpty()) {
                    return null;
                }
                String secret = password.get();
                String pair = user + ":" + (secret == null ? "" : secret);
                return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public String describe() {
                return "a user name and password";
            }
        };
    }
}
