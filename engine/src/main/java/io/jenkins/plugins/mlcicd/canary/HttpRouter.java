package io.jenkins.plugins.mlcicd.canary;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Sets the weight with one HTTP request; {@code ${WEIGHT}} in the URL and body; any 2xx is success. */
public final class HttpRouter implements TrafficRouter {
    private final HttpCall call;
    private final String authorization;
    private final Duration timeout;
    private final HttpClient client;

    /** @param authorization the whole Authorization header value, or null */
    public HttpRouter(HttpCall call, String authorization, Duration timeout) {
        this.call = call;
        this.authorization = authorization;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public void setWeight(int weight) throws RouterException, InterruptedException {
        String w = Integer.toString(weight);
        String url = call.url().replace("${WEIGHT}", w);
        HttpRequest.BodyPublisher body = call.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(call.body().replace("${WEIGHT}", w), StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).method(call.method(), body);
        if (call.body() != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new RouterException(call.method() + " " + url + ": no answer within " + timeout.toMillis() + " ms");
        } catch (IOException | IllegalArgumentException e) {
            throw new RouterException(call.method() + " " + url + ": " + e.getMessage());
        }
        if (response.statusCode() / 100 != 2) {
            throw new RouterException(call.method() + " " + url + ": HTTP " + response.statusCode());
        }
    }
}
