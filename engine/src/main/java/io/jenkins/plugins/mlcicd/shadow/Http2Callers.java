package io.jenkins.plugins.mlcicd.shadow;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * HTTP/2 callers of one model: one {@link HttpClient} per model (so the two models share no
 * connection, and a stall of one cannot block the other's streams), one in-flight request per worker.
 * For {@code http://} URLs the JDK client negotiates h2c by an upgrade on its first request and
 * falls back to HTTP/1.1 when the server does not take it.
 */
final class Http2Callers {
    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private final Endpoint endpoint;
    private final Duration timeout;
    private final ScoreExtractor extractor;
    private final HttpClient client;

    Http2Callers(Endpoint endpoint, Duration timeout, ScoreExtractor extractor) {
        this.endpoint = endpoint;
        this.timeout = timeout;
        this.extractor = extractor;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).connectTimeout(timeout).build();
    }

    ModelCaller open() {
        return new ModelCaller() {
            private volatile CompletableFuture<HttpResponse<byte[]>> current;

            @Override
            public Answer call(byte[] body, long startNanos, long deadlineNanos) {
                HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.url())
                        .timeout(timeout)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
                boolean contentType = false;
                for (Map.Entry<String, String> header : endpoint.headers()) {
                    String name = header.getKey().toLowerCase(Locale.ROOT);
                    if (!RESTRICTED.contains(name)) {
                        request.header(header.getKey(), header.getValue());
                        contentType |= name.equals("content-type");
                    }
                }
                if (!contentType) {
                    request.header("Content-Type", "application/json");
                }
                CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request.build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                current = future;
                try {
                    long wait = Math.max(1, deadlineNanos - System.nanoTime());
                    HttpResponse<byte[]> response = future.get(wait, TimeUnit.NANOSECONDS);
                    long micros = (System.nanoTime() - startNanos) / 1000;
                    if (response.statusCode() / 100 != 2) {
                        return Answer.failed(ErrorKind.ofStatus(response.statusCode()), micros);
                    }
                    byte[] bytes = response.body();
                    return extractor.read(bytes, bytes.length, micros);
                } catch (TimeoutException e) {
                    future.cancel(true);
                    return Answer.failed(ErrorKind.TIMEOUT, (System.nanoTime() - startNanos) / 1000);
                } catch (ExecutionException e) {
                    return Answer.failed(kind(e.getCause()), (System.nanoTime() - startNanos) / 1000);
                } catch (InterruptedException | CancellationException e) {
                    return Answer.failed(ErrorKind.RESET, (System.nanoTime() - startNanos) / 1000);
                } finally {
                    current = null;
                }
            }

            @Override
            public void abort() {
                CompletableFuture<HttpResponse<byte[]>> future = current;
                if (future != null) {
                    future.cancel(true);
                }
            }

            @Override
            public void close() {
                // the client is shared by the model's workers and ends with the run
            }
        };
    }

    private static ErrorKind kind(Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
            return ErrorKind.CONNECT;
        }
        if (cause instanceof HttpTimeoutException) {
            return ErrorKind.TIMEOUT;
        }
        if (cause instanceof IOException) {
            return ErrorKind.RESET;
        }
        return ErrorKind.RESET;
    }
}
