package io.jenkins.plugins.mlcicd.shadow;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A model server: where requests go and the headers they carry. Header values are already
 * resolved (secrets included), so {@link #toString()} never prints them.
 *
 * @param role    {@code baseline} or {@code candidate}
 * @param url     http URL of the prediction endpoint
 * @param headers extra request headers, name → value
 */
public record Endpoint(String role, URI url, List<Map.Entry<String, String>> headers) {
    public Endpoint {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(url, "url");
        headers = List.copyOf(headers);
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http")) {
            throw new IllegalArgumentException("--" + role + "-url: '" + url + "' is not an http:// URL"
                    + (scheme.equals("https") ? " (https is not supported yet; put a TLS-terminating sidecar in front)" : ""));
        }
        if (url.getHost() == null) {
            throw new IllegalArgumentException("--" + role + "-url: '" + url + "' has no host");
        }
    }

    public String host() {
        return url.getHost();
    }

    public int port() {
        return url.getPort() < 0 ? 80 : url.getPort();
    }

    /** The request line and headers up to the Content-Length value, computed once per endpoint. */
    byte[] requestHead() {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        if (url.getRawQuery() != null) {
            path += "?" + url.getRawQuery();
        }
        StringBuilder head = new StringBuilder(256)
                .append("POST ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(url.getHost()).append(url.getPort() < 0 ? "" : ":" + url.getPort()).append("\r\n");
        boolean contentType = false;
        for (Map.Entry<String, String> header : headers) {
            head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
            contentType |= header.getKey().equalsIgnoreCase("Content-Type");
        }
        if (!contentType) {
            head.append("Content-Type: application/json\r\n");
        }
        head.append("Content-Length: ");
        return head.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return role + " " + url + " (" + headers.size() + " extra headers)";
    }
}
