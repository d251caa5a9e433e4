package io.jenkins.plugins.mlcicd.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The event loop's HTTP/1.1 connections against a raw loopback server that answers in dribbles,
 * closes keep-alive connections without saying so, and counts connections and requests in flight.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ShadowHttp1IT {
    @TempDir
    Path dir;

    private final List<Closeable> servers = new ArrayList<>();

    @AfterEach
    void stop() throws IOException {
        for (Closeable server : servers) {
            server.close();
        }
    }

    /** Answers {"score": 0.5}; the request body's "m" says how: ok, dribble, silent-close, pause (300 ms), stall. */
    static final class RawServer implements Closeable {
        final ServerSocket socket;
        final AtomicInteger connections = new AtomicInteger();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "raw-model");
            t.setDaemon(true);
            return t;
        });

        RawServer() throws IOException {
            socket = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
            threads.submit(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket client = socket.accept();
                        connections.incrementAndGet();
                        threads.submit(() -> serve(client));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/v1/predict?x=1");
        }

        private void serve(Socket client) {
            try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
                client.setTcpNoDelay(true);
                while (true) {
                    String body = readRequest(in);
                    if (body == null) {
                        return;
                    }
                    int now = inFlight.incrementAndGet();
                    maxInFlight.accumulateAndGet(now, Math::max);
                    String mode = body.replaceAll(".*\"m\": \"([a-z-]+)\".*", "$1");
                    byte[] response = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                            + "3;x=y\r\n{\"s\r\nb\r\ncore\": 0.5}\r\n0\r\nTrailer: t\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
                    if (mode.equals("stall")) {
                        Thread.sleep(4000);
                        inFlight.decrementAndGet();
                        return;
                    }
                    if (mode.equals("pause")) {
                        Thread.sleep(300);
                    }
                    inFlight.decrementAndGet();
                    if (mode.equals("dribble")) {
                        for (byte b : response) {
                            out.write(b);
                            out.flush();
                            Thread.sleep(0, 200_000);
                        }
                    } else {
                        out.write(response);
                        out.flush();
                    }
                    if (mode.equals("silent-close")) {
                        return; // a keep-alive response, then the connection ends without a word
                    }
                }
            } catch (IOException e) {
                // the client went away
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static String readRequest(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int last4 = 0;
            while (last4 != 0x0d0a0d0a) {
                int b = in.read();
                if (b < 0) {
                    return null;
                }
                head.write(b);
                last4 = last4 << 8 | b;
            }
            String text = head.toString(StandardCharsets.ISO_8859_1);
            if (!text.startsWith("POST /v1/predict?x=1 HTTP/1.1\r\n") || !text.contains("\r\nX-Key: k1\r\n")) {
                throw new IOException("unexpected request head: " + text);
            }
            int length = 0;
            for (String line : text.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
            }
            return new String(in.readNBytes(length), StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            socket.close();
            threads.shutdownNow();
        }
    }

    private record Result(ModelStats baseline, ModelStats candidate, List<String> pairs, Replay.Outcome outcome) {
    }

    private Result replay(RawServer baseline, RawServer candidate, List<String> modes, int concurrency, Duration timeout)
            throws IOException {
        return replay(baseline, candidate, modes, concurrency, timeout, null);
    }

    private Result replay(RawServer baseline, RawServer candidate, List<String> modes, int concurrency, Duration timeout,
            Double rate) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < modes.size(); i++) {
            lines.add("{\"id\": \"r" + i + "\", \"m\": \"" + modes.get(i) + "\"}");
        }
        Path log = Files.write(dir.resolve("requests-" + System.nanoTime() + ".jsonl"), lines);
        List<java.util.Map.Entry<String, String>> headers = List.of(java.util.Map.entry("X-Key", "k1"));
        ReplayOptions options = new ReplayOptions(log, "id", null, new Endpoint("baseline", baseline.url(), headers),
                new Endpoint("candidate", candidate.url(), headers), concurrency, rate, timeout, null, null, false, false);
        ModelStats b = new ModelStats("baseline");
        ModelStats c = new ModelStats("candidate");
        List<String> pairs = new ArrayList<>();
        Replay.Outcome outcome = new Replay(options, new ScoreExtractor("/score", null), b, c,
                (id, slice, x, y) -> pairs.add(id + ":" + x.score() + ":" + y.score()), new StopSignal())
                .run((sent, elapsed) -> {
                });
        return new Result(b, c, pairs, outcome);
    }

    private RawServer server() throws IOException {
        RawServer server = new RawServer();
        servers.add(server);
        return server;
    }

    @Test
    void keepsConcurrencyConnectionsPerModelAndReadsResponsesThatArriveInPieces() throws IOException {
        RawServer baseline = server();
        RawServer candidate = server();
        List<String> modes = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            modes.add(i % 10 == 0 ? "dribble" : "ok");
        }
        Result result = replay(baseline, candidate, modes, 3, Duration.ofSeconds(10));
        assertThat(result.pairs()).hasSize(300).allMatch(p -> p.endsWith(":0.5:0.5"));
        assertThat(result.candidate().errors()).isZero();
        assertThat(result.baseline().errors()).isZero();
        // keep-alive: one connection per slot for the whole run, never more requests in flight
        assertThat(baseline.connections.get()).isEqualTo(3);
        assertThat(candidate.connections.get()).isEqualTo(3);
        assertThat(candidate.maxInFlight.get()).isLessThanOrEqualTo(3);
    }

    @Test
    void aConnectionClosedWithoutNoticeIsReopenedAndTheRequestAnswered() throws IOException {
        RawServer baseline = server();
        RawServer candidate = server();
        List<String> modes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            modes.add("silent-close");
        }
        Result result = replay(baseline, candidate, modes, 2, Duration.ofSeconds(10));
        assertThat(result.candidate().errors()).isZero();
        assertThat(result.pairs()).hasSize(40);
        assertThat(candidate.connections.get()).isEqualTo(40);
    }

    @Test
    void aStalledRequestTimesOutWithoutHoldingUpTheOthers() throws IOException {
        RawServer baseline = server();
        RawServer candidate = server();
        List<String> modes = new ArrayList<>(List.of("stall"));
        for (int i = 0; i < 50; i++) {
            modes.add("ok");
        }
        long start = System.nanoTime();
        Result result = replay(baseline, candidate, modes, 2, Duration.ofSeconds(1));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(result.candidate().errors(ErrorKind.TIMEOUT)).isEqualTo(1);
        assertThat(result.baseline().errors(ErrorKind.TIMEOUT)).isEqualTo(1);
        assertThat(result.candidate().answers()).isEqualTo(51);
        // the stall ends at the 1 s deadline, not when the server gives up at 4 s
        assertThat(seconds).isLessThan(3.5);
        assertThat(result.candidate().latency().getMaxValue()).isLessThan(1_000_000);
    }

    @Test
    void withARateTheRequestsQueuedBehindAStallAreChargedForIt() throws IOException {
        RawServer baseline = server();
        RawServer candidate = server();
        List<String> modes = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            modes.add(i == 10 ? "pause" : "ok");
        }
        long start = System.nanoTime();
        Result result = replay(baseline, candidate, modes, 1, Duration.ofSeconds(5), 200.0);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(result.candidate().errors()).isZero();
        // 120 requests at 200/s: about 0.6 s, the pause caught up afterwards
        assertThat(seconds).isGreaterThan(0.55);
        // One request waits 300 ms at the server; the ~60 due during that wait queue behind it on
        // the one connection. Measured from their intended send times (not from when they could be
        // sent) a third of them are still 100 ms late or more; timed from the send, one would be.
        long late = result.candidate().latency().getCountBetweenValues(100_000, Long.MAX_VALUE / 4);
        assertThat(late).isGreaterThanOrEqualTo(20);
        assertThat(result.candidate().latency().getMaxValue()).isGreaterThanOrEqualTo(290_000);
    }
}
