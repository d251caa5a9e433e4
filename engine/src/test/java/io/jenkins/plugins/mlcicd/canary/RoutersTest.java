package io.jenkins.plugins.mlcicd.canary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoutersTest {
    @TempDir
    Path dir;

    @Test
    void aCommandGetsTheWeightAsAnArgumentWithoutAShellAndRunsInItsDirectory() throws Exception {
        new CommandRouter(List.of("/bin/sh", "-c", "echo \"$0\" > weight.txt", "${WEIGHT}; rm -rf /nonexistent"), dir,
                Duration.ofSeconds(10), s -> s).setWeight(25);
        // the argument is one word: substitution never reaches a shell's parser
        assertThat(Files.readString(dir.resolve("weight.txt")).strip()).isEqualTo("25; rm -rf /nonexistent");
    }

    @Test
    void aFailingCommandReportsItsExitCodeAndLastLineMasked() {
        CommandRouter router = new CommandRouter(List.of("/bin/sh", "-c", "echo 'token s3cr3t rejected' >&2; exit 4"), dir,
                Duration.ofSeconds(10), s -> s.replace("s3cr3t", "****"));
        assertThatThrownBy(() -> router.setWeight(5)).isInstanceOf(RouterException.class)
                .hasMessageContaining("exited with 4: token **** rejected").hasMessageNotContaining("s3cr3t");
    }

    @Test
    void aHungCommandIsKilledWithItsChildrenAfterTheTimeout() throws Exception {
        Path pid = dir.resolve("child.pid");
        CommandRouter router = new CommandRouter(List.of("/bin/sh", "-c", "sleep 30 & echo $! > child.pid; wait"), dir,
                Duration.ofMillis(700), s -> s);
        long start = System.nanoTime();
        assertThatThrownBy(() -> router.setWeight(5)).isInstanceOf(RouterException.class).hasMessageContaining("killed");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        long child = Long.parseLong(Files.readString(pid).strip());
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (running(child) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(running(child)).as("the child sleep").isFalse();
    }

    /** Alive and not a zombie waiting for an init that may not reap it. */
    static boolean running(long pid) throws Exception {
        Path stat = Path.of("/proc/" + pid + "/stat");
        if (!Files.exists(stat)) {
            return false;
        }
        String text;
        try {
            text = Files.readString(stat);
        } catch (java.io.IOException gone) {
            return false;
        }
        return text.charAt(text.lastIndexOf(')') + 2) != 'Z';
    }

    @Test
    void aMissingProgramIsARouterFailure() {
        assertThatThrownBy(() -> new CommandRouter(List.of(dir.resolve("nope").toString()), dir, Duration.ofSeconds(1), s -> s)
                .setWeight(1)).isInstanceOf(RouterException.class).hasMessageContaining("cannot start");
    }

    @Test
    void anHttpRouterSendsTheWeightWithTheAuthorizationHeader() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        AtomicInteger status = new AtomicInteger(204);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/weights", exchange -> {
            seen.set(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/weights?canary=${WEIGHT}";
            HttpRouter router = new HttpRouter(new HttpCall(url, "PUT", "{\"canary\": ${WEIGHT}}", "X"), "Bearer abc", Duration.ofSeconds(5));
            router.setWeight(5);
            assertThat(seen.get()).isEqualTo("PUT /weights?canary=5 Bearer abc {\"canary\": 5}");
            status.set(503);
            assertThatThrownBy(() -> router.setWeight(0)).isInstanceOf(RouterException.class).hasMessageContaining("HTTP 503");
        } finally {
            server.stop(0);
        }
    }
}
