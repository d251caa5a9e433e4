package io.jenkins.plugins.mlcicd.canary;

/**
 * An HTTP request of a router; {@code ${WEIGHT}} in url and body becomes the weight.
 *
 * @param credentialsId name of the secret whose value is the whole Authorization header, or null
 */
public record HttpCall(String url, String method, String body, String credentialsId) {
}
