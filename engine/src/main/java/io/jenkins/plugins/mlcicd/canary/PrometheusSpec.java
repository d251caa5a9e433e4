package io.jenkins.plugins.mlcicd.canary;

import java.time.Duration;

/**
 * @param url           base URL of the Prometheus HTTP API (without {@code /api/v1/query})
 * @param credentialsId name of the secret whose value is the whole Authorization header, or null
 * @param timeout       limit of one query
 */
public record PrometheusSpec(String url, String credentialsId, Duration timeout) {
}
