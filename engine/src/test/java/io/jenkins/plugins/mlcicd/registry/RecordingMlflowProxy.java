package io.jenkins.plugins.mlcicd.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

/**
 * A loopback HTTP proxy in front of a real MLflow server that keeps every request/response pair it
 * passes on ({@link MlflowExchange}), for bench/mlflow/record.sh. Headers other than the content type and
 * {@code Authorization} are not forwarded; MLflow's answers do not depend on them.
 */
final class RecordingMlflowProxy implements AutoCloseable {
    private static final Set<String> FORWARDED = Set.of("content-type", "authorization", "accept");
    private final URI target;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<MlflowExchange> exchanges = new ArrayList<>();
    private String scenario = "";

    RecordingMlflowProxy(URI target) throws IOException {
        this.target = target;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", this::forward);
        server.setExecutor(executor);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Starts a new recording for the named scenario; returns what was recorded since the last call. */
    synchronized List<MlflowExchange> next(String name) {
        List<MlflowExchange> done = List.copyOf(exchanges);
        exchanges.clear();
        scenario = name;
        return done;
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] requestBody = exchange.getRequestBody().readAllBytes();
            URI uri = exchange.getRequestURI();
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(target + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())))
                    .timeout(Duration.ofSeconds(60))
                    .method(exchange.getRequestMethod(), requestBody.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(requestBody));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (FORWARDED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    values.forEach(v -> builder.header(name, v));
                }
            });
            HttpResponse<byte[]> response;
            try {
                response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            String requestType = exchange.getRequestHeaders().getFirst("Content-Type");
            String responseType = response.headers().firstValue("Content-Type").orElse("");
            synchronized (this) {
                exchanges.add(new MlflowExchange(scenario, exchanges.size() + 1, exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(),
                        MlflowExchange.body(requestBody, requestType == null ? "application/json" : requestType), response.statusCode(),
                        MlflowExchange.body(response.body(), responseType.isEmpty() ? "application/json" : responseType)));
            }
            exchange.getResponseHeaders().set("Content-Type", responseType.isEmpty() ? "application/json" : responseType);
            byte[] body = response.body();
            exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
