package io.jenkins.plugins.mlcicd.shadow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A model server on 127.0.0.1 that misbehaves on purpose, on raw sockets so that it can reset
 * connections. It answers {@code {"score": body[scoreField]}}, unless the body's {@code modeField}
 * says otherwise: {@code slow} (answers after 150 ms), {@code 500}, {@code 404}, {@code reset}
 * (RST without a response), {@code garbage} (200 with a body that is not JSON), {@code noscore}
 * (200 without a score), {@code stall} (never answers; closes after 3 s), {@code chunked} (a
 * chunked response), {@code close} (answers with Connection: close). Keep-alive otherwise.
 */
final class FakeModelServer implements Closeable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ServerSocket server;
    private final String scoreField;
    private final String modeField;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-model");
        t.setDaemon(true);
        return t;
    });
    final AtomicLong requests = new AtomicLong();

    FakeModelServer(String scoreField, String modeField) throws IOException {
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        this.scoreField = scoreField;
        this.modeField = modeField;
        threads.submit(this::accept);
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/predict";
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                threads.submit(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            while (true) {
                byte[] body = readRequest(in);
                if (body == null) {
                    return;
                }
                requests.incrementAndGet();
                JsonNode request = MAPPER.readTree(body);
                String mode = request.path(modeField).asText("ok");
                String score = request.path(scoreField).asText("0.5");
                switch (mode) {
                    case "slow" -> {
                        sleep(150);
                        respond(out, 200, "{\"score\": " + score + "}", false);
                    }
                    case "500" -> respond(out, 500, "{\"error\": \"boom\"}", false);
                    case "404" -> respond(out, 404, "not found", false);
                    case "reset" -> {
                        socket.setSoLinger(true, 0);
                        return;
                    }
                    case "garbage" -> respond(out, 200, "<html>oops", false);
                    case "noscore" -> respond(out, 200, "{\"other\": 1}", false);
                    case "stall" -> {
                        sleep(3000);
                        return;
                    }
                    case "chunked" -> {
                        String json = "{\"score\": " + score + "}";
                        String half = json.substring(0, 5);
                        String rest = json.substring(5);
                        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                                + Integer.toHexString(half.length()) + "\r\n" + half + "\r\n"
                                + Integer.toHexString(rest.length()) + "\r\n" + rest + "\r\n0\r\n\r\n")
                                .getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                    case "close" -> {
                        respond(out, 200, "{\"score\": " + score + "}", true);
                        return;
                    }
                    default -> respond(out, 200, "{\"score\": " + score + ", \"label\": \"" + (Double.parseDouble(score) >= 0.5 ? "yes" : "no") + "\"}", false);
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void respond(OutputStream out, int status, String body, boolean close) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        out.write(String.format(Locale.ROOT, "HTTP/1.1 %d X\r\nContent-Type: application/json\r\nContent-Length: %d\r\n%s\r\n",
                status, bytes.length, close ? "Connection: close\r\n" : "").getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.flush();
    }

    /** The body of the next request, or null when the connection closed. */
    private static byte[] readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        int b;
        while (last4 != 0x0d0a0d0a) {
            b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            last4 = last4 << 8 | b;
        }
        int length = 0;
        for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        return in.readNBytes(length);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
