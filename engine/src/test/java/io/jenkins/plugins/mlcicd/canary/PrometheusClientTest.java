package io.jenkins.plugins.mlcicd.canary;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PrometheusClientTest {
    final PrometheusClient client = new PrometheusClient("http://127.0.0.1:1", null, Duration.ofSeconds(1), s -> s);

    static String vector(String... values) {
        StringBuilder series = new StringBuilder();
        for (String value : values) {
            series.append(series.length() == 0 ? "" : ",").append("{\"metric\":{\"variant\":\"canary\"},\"value\":[1700000000.123,\"")
                    .append(value).append("\"]}");
        }
        return "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[" + series + "]}}";
    }

    @Test
    void aVectorOfOneSeriesIsItsValue() {
        Reading reading = client.parse(200, vector("0.0425"));
        assertThat(reading.value()).isEqualTo(0.0425);
        assertThat(reading.usable()).isTrue();
    }

    @Test
    void aScalarIsItsValue() {
        Reading reading = client.parse(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1700000000,\"3\"]}}");
        assertThat(reading.value()).isEqualTo(3.0);
    }

    @Test
    void nanAndInfinitiesArriveAsStrings() {
        Reading nan = client.parse(200, vector("NaN"));
        assertThat(nan.value()).isNaN();
        assertThat(nan.usable()).isFalse();
        assertThat(Judge.problem(nan)).contains("NaN");
        assertThat(client.parse(200, vector("+Inf")).value()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(client.parse(200, vector("-Inf")).value()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(client.parse(200, vector("+Inf")).usable()).isTrue();
    }

    @Test
    void anEmptyVectorIsNoData() {
        Reading reading = client.parse(200, vector());
        assertThat(reading.usable()).isFalse();
        assertThat(reading.unreachable()).isFalse();
        assertThat(reading.problem()).contains("empty result");
    }

    @Test
    void severalSeriesAreRefusedRatherThanPickedFrom() {
        assertThat(client.parse(200, vector("1", "2")).problem()).contains("2 series").contains("aggregate");
    }

    @Test
    void aQueryErrorIsNoDataAndAServerErrorIsUnreachable() {
        String error = "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error at char 5\"}";
        Reading bad = client.parse(400, error);
        assertThat(bad.unreachable()).isFalse();
        assertThat(bad.problem()).contains("bad_data").contains("parse error at char 5");
        Reading unavailable = client.parse(503, "{\"status\":\"error\",\"errorType\":\"unavailable\",\"error\":\"shutting down\"}");
        assertThat(unavailable.unreachable()).isTrue();
        assertThat(client.parse(502, "<html>Bad Gateway</html>").unreachable()).isTrue();
        assertThat(client.parse(401, "Unauthorized").unreachable()).isFalse();
        assertThat(client.parse(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}").problem())
                .contains("matrix");
    }

    @Test
    void queriesOverHttpWithTheAuthorizationHeaderAndTimeOut() throws Exception {
        AtomicReference<String> auth = new AtomicReference<>();
        AtomicReference<String> query = new AtomicReference<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/query", exchange -> {
            auth.set(exchange.getRequestHeaders().getFirst("Authorization"));
            query.set(exchange.getRequestURI().getQuery());
            if (query.get().contains("slow")) {
                try {
                    Thread.sleep(3000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = vector("0.5").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            PrometheusClient real = new PrometheusClient(url, "Bearer s3cret-token", Duration.ofMillis(1500), s -> s);
            Reading reading = real.query("sum(rate(x{variant=\"canary\"}[1m]))");
            assertThat(reading.value()).as(String.valueOf(reading)).isEqualTo(0.5);
            assertThat(auth.get()).isEqualTo("Bearer s3cret-token");
            assertThat(query.get()).isEqualTo("query=sum(rate(x{variant=\"canary\"}[1m]))");
            Reading slow = real.query("slow");
            assertThat(slow.unreachable()).isTrue();
            assertThat(slow.problem()).contains("1500 ms");
        } finally {
            server.stop(0);
        }
        Reading refused = new PrometheusClient("http://127.0.0.1:" + freePort(), null, Duration.ofMillis(500), s -> s).query("up");
        assertThat(refused.unreachable()).isTrue();
    }

    static int freePort() throws Exception {
        try (var socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
