package io.jenkins.plugins.mlcicd.jenkins.canary;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The value of an HTTP {@code Authorization} header, which is what the engine expects under a
 * credential's name in its secrets file: a secret text is a bearer token (Prometheus behind an auth
 * proxy, a router API), a username with password is HTTP Basic (RFC 7617: UTF-8, base64).
 */
public final class AuthorizationHeaders {
    private AuthorizationHeaders() {
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    public static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
