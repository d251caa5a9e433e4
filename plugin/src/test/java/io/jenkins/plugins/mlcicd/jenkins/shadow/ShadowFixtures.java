package io.jenkins.plugins.mlcicd.jenkins.shadow;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/** Request logs and credentials shared by the engine IT and the Jenkins tests. */
final class ShadowFixtures {
    static final String TOKEN = "tok-5e7a1c9d3b";
    static final String USER = "shadow-reader";
    static final String PASSWORD = "pa55-w0rd-it";
    /** The header a username-with-password credential of USER and PASSWORD becomes. */
    static final String BASIC = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));

    private ShadowFixtures() {
    }

    /** {@code n} requests {@code {"id": "r<i>", "x": <score>, "country": "US"|"DE"}}, one per line. */
    static String requests(int n) {
        StringBuilder requests = new StringBuilder();
        for (int i = 0; i < n; i++) {
            requests.append(String.format(Locale.ROOT, "{\"id\": \"r%d\", \"x\": %.3f, \"country\": \"%s\"}%n",
                    i, (i % 100) / 100.0, i % 2 == 0 ? "US" : "DE"));
        }
        return requests.toString();
    }
}
