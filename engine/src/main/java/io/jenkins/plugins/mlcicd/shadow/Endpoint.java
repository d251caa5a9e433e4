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
        if (url.getPort() == 0 || url.getPort() > 65535) {
            throw new IllegalArgumentException("--" + role + "-url: '" + url + "': port " + url.getPort() + " is not in 1..65535");
        }
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("--" + role + "-url: a user or password in the URL would be sent in the clear"
                    + " and shown in the result; give it as --header 'Authorization: ${NAME}' with a secret");
        }
        for (Map.Entry<String, String> header : headers) {
            checkHeader("--" + role + "-header", header.getKey(), header.getValue());
        }
    }

    /** Headers the replay writes itself: a second one would make the request ambiguous or break its framing. */
    private static final List<String> MANAGED = List.of("host", "content-length", "transfer-encoding", "connection",
            "upgrade", "te", "trailer", "keep-alive", "expect");

    /**
     * The one header rule (RFC 9110 field syntax, and no header the replay sets itself). The message
     * names the option and the header, never the value: it may hold a secret.
     *
     * @throws IllegalArgumentException naming the option and header
     */
    public static void checkHeader(String option, String name, String value) {
        if (name == null || !name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
            throw new IllegalArgumentException(option + ": expected 'Name: value', got a header without a valid name before ':'");
        }
        if (MANAGED.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException(option + " " + name + ": the replay sets this header itself; leave it out");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n') {
                throw new IllegalArgumentException(option + " " + name + ": the value contains a line break");
            }
            if ((c < 0x20 && c != '\t') || c == 0x7F) {
                throw new IllegalArgumentException(option + " " + name + ": the value contains a control character (position "
                        + (i + 1) + ")");
            }
            if (c > 0xFF) {
                throw new IllegalArgumentException(option + " " + name + ": the value contains a character that is not"
                        + " ISO-8859-1 (position " + (i + 1) + "); HTTP header values are bytes, percent-encode it");
            }
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
