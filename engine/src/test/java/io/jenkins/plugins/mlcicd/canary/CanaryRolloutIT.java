package io.jenkins.plugins.mlcicd.canary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlcicd.input.StructuredFiles;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Real components on loopback, each stopped by PID: Prometheus (Debian's /usr/bin/prometheus) scraping
 * a baseline and a canary model server every second, nginx (/usr/sbin/nginx with its own -c/-p, never
 * the system configuration) splitting traffic by upstream weights that the router script rewrites and
 * reloads, a bounded load generator through nginx, and the engine as a child JVM ({@code mlcicd canary}),
 * so that it can be killed with SIGKILL and restarted from its state file. Stage durations are seconds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CanaryRolloutIT {
    static final String P95 = "histogram_quantile(0.95, sum by (le) (rate(request_seconds_bucket{variant=\"${VARIANT}\"}[3s])))";
    static final String ERRORS = "(sum(rate(requests_total{variant=\"${VARIANT}\",code=~\"5..\"}[3s])) or vector(0))"
            + " / sum(rate(requests_total{variant=\"${VARIANT}\"}[3s]))";
    static final long MAX_REQUESTS = 40_000;

    Path dir;
    Path script;
    ModelServer baseline;
    ModelServer canary;
    Process nginx;
    Process prometheus;
    int nginxPort;
    int prometheusPort;
    final AtomicBoolean loadRunning = new AtomicBoolean(true);
    final AtomicLong sent = new AtomicLong();
    final List<Thread> load = new ArrayList<>();
    final List<Process> engines = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        dir = Files.createTempDirectory("mlcicd-canary-it");
        script = Path.of(getClass().getResource("/canary/set-weight.sh").toURI());
        baseline = new ModelServer("baseline");
        canary = new ModelServer("canary");
        Files.writeString(dir.resolve("baseline.port"), Integer.toString(baseline.port()));
        Files.writeString(dir.resolve("canary.port"), Integer.toString(canary.port()));

        nginxPort = freePort();
        Files.createDirectories(dir.resolve("tmp"));
        Files.writeString(dir.resolve("upstream.conf"), "upstream model {\n  server 127.0.0.1:" + baseline.port() + " weight=100;\n}\n");
        String temp = dir.resolve("tmp").toString();
        Files.writeString(dir.resolve("nginx.conf"), """
                daemon off;
                master_process on;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 512; }
                http {
                  access_log off;
                  client_body_temp_path %2$s/body;
                  proxy_temp_path %2$s/proxy;
                  fastcgi_temp_path %2$s/fastcgi;
                  uwsgi_temp_path %2$s/uwsgi;
                  scgi_temp_path %2$s/scgi;
                  include %1$s/upstream.conf;
                  server {
                    listen 127.0.0.1:%3$d;
                    location / { proxy_pass http://model; }
                  }
                }
                """.formatted(dir, temp, nginxPort));
        nginx = new ProcessBuilder("/usr/sbin/nginx", "-p", dir + "/", "-c", dir.resolve("nginx.conf").toString(),
                "-e", dir.resolve("error.log").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();

        prometheusPort = freePort();
        Files.writeString(dir.resolve("prometheus.yml"), """
                global: {scrape_interval: 1s, evaluation_interval: 1s}
                scrape_configs:
                  - job_name: models
                    static_configs:
                      - targets: ['127.0.0.1:%d', '127.0.0.1:%d']
                """.formatted(baseline.port(), canary.port()));
        prometheus = new ProcessBuilder("/usr/bin/prometheus", "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + prometheusPort,
                "--log.level=warn")
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.out").toFile()).start();

        HttpClient client = HttpClient.newHttpClient();
        awaitTrue("nginx answers", Duration.ofSeconds(15), () -> get(client, "http://127.0.0.1:" + nginxPort + "/predict") == 200);
        awaitTrue("Prometheus is ready", Duration.ofSeconds(30),
                () -> get(client, "http://127.0.0.1:" + prometheusPort + "/-/ready") == 200);
        startLoad();
        // both variants scraped with traffic on the baseline
        PrometheusClient query = prometheusClient();
        awaitTrue("Prometheus has the baseline's latency", Duration.ofSeconds(20),
                () -> query.query(CanaryController.expand(P95, "baseline", null)).usable());
    }

    /**
     * All traffic on a healthy baseline, and the canary idle for a whole rate window, so that no
     * scenario sees the previous one's canary in Prometheus.
     */
    @BeforeEach
    void baselineOnly() throws Exception {
        canary.latencyMs.set(10);
        canary.errorRate = 0;
        Files.deleteIfExists(dir.resolve("router.log"));
        Process reset = new ProcessBuilder("/bin/sh", script.toString(), dir.toString(), "0").redirectErrorStream(true).start();
        reset.getInputStream().readAllBytes();
        assertThat(reset.waitFor(10, TimeUnit.SECONDS)).isTrue();
        Files.deleteIfExists(dir.resolve("router.log"));
        PrometheusClient query = prometheusClient();
        awaitTrue("the canary is idle in Prometheus", Duration.ofSeconds(20), () -> {
            Reading r = query.query("sum(rate(request_seconds_count{variant=\"canary\"}[3s]))");
            return r.usable() && r.value() == 0;
        });
    }

    @AfterAll
    void stop() throws Exception {
        loadRunning.set(false);
        for (Thread t : load) {
            t.join(5000);
        }
        for (Process engine : engines) {
            killTree(engine);
        }
        killTree(nginx);
        killTree(prometheus);
        baseline.close();
        canary.close();
        System.out.println("canary IT: " + sent.get() + " requests through nginx; baseline served " + baseline.requests()
                + ", canary " + canary.requests());
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    String plan(String stages, String interval, int failureLimit, String rollbackArgs, String within) {
        return """
                stages: %s
                interval: %s
                router:
                  command: ['/bin/sh', '%s', '%s', '${WEIGHT}']
                  timeout: 5s
                rollback:
                  command: ['/bin/sh', '%3$s', '%4$s', '0'%s]
                  timeout: 10s
                metrics:
                  prometheus: {url: 'http://127.0.0.1:%d', timeout: 2s}
                guardrails:
                  - {name: latencyP95, query: '%s', max: 0.050}
                  - {name: errorRate, query: '%s', max: 0.05, maxIncrease: 0.02}
                failureLimit: %d
                noData: fail
                rollbackWithin: %s
                """.formatted(stages, interval, script, dir, rollbackArgs, prometheusPort, P95, ERRORS, failureLimit, within);
    }

    @Test
    @Order(1)
    void aHealthyCanaryIsPromotedThroughAllStages() throws Exception {
        Path plan = write("healthy.yaml", plan("[{weight: 20, duration: 3s}, {weight: 50, duration: 3s}, {weight: 100}]",
                "1s", 1, "", "30s"));
        Path out = dir.resolve("healthy.json");
        Process engine = engine(plan, null, "--out", out.toString(), "--html", dir.resolve("healthy.html").toString());
        assertThat(awaitExit(engine, 60)).as(log(engine)).isZero();

        JsonNode doc = StructuredFiles.readTree(out);
        assertThat(doc.path("phase").asText()).isEqualTo("promoted");
        assertThat(weights()).containsExactly(20, 50, 100);
        assertThat(doc.path("analyses").size()).isGreaterThanOrEqualTo(4);
        JsonNode lastChecks = doc.path("analyses").get(doc.path("analyses").size() - 1).path("checks");
        assertThat(lastChecks.get(0).path("value").asDouble()).as("canary p95 from Prometheus").isBetween(0.005, 0.05);
        assertThat(Files.readString(dir.resolve("healthy.html"))).contains("<svg").contains("latencyP95");
    }

    @Test
    @Order(2)
    void aLatencyBreachMidStageRollsBackWithinTheBound() throws Exception {
        Path plan = write("breach.yaml", plan("[{weight: 20, duration: 60s}, {weight: 100}]", "5s", 1, "", "30s"));
        Path progress = dir.resolve("breach-progress.json");
        Path out = dir.resolve("breach.json");
        Process engine = engine(plan, null, "--progress", progress.toString(), "--out", out.toString());
        awaitTrue("the first analysis passed", Duration.ofSeconds(30),
                () -> readable(progress) && StructuredFiles.readTree(progress).path("analyses").size() >= 1);
        assertThat(StructuredFiles.readTree(progress).path("analyses").get(0).path("outcome").asText()).isEqualTo("passed");

        canary.latencyMs.set(120);
        PrometheusClient query = prometheusClient();
        String canaryP95 = CanaryController.expand(P95, "canary", null);
        long visible = awaitTrueAt("the breach is visible in Prometheus", Duration.ofSeconds(20), () -> {
            Reading r = query.query(canaryP95);
            return r.usable() && r.value() > 0.050;
        });
        assertThat(awaitExit(engine, 60)).as(log(engine)).isEqualTo(1);
        long rolledBack = routerLog().stream().filter(l -> l.endsWith(" 0")).mapToLong(l -> Long.parseLong(l.split(" ")[0]))
                .findFirst().orElseThrow();
        long breachToRollbackMs = rolledBack - visible;
        System.out.println("canary IT: breach visible in Prometheus -> rollback command completed: " + breachToRollbackMs
                + " ms (interval 5s, failureLimit 1; bound 15000 ms)");
        Files.writeString(dir.resolve("breach-to-rollback-ms.txt"), Long.toString(breachToRollbackMs));
        assertThat(breachToRollbackMs).isPositive().isLessThan(5_000L * 2 + 5_000L);

        JsonNode doc = StructuredFiles.readTree(out);
        assertThat(doc.path("phase").asText()).isEqualTo("rolled-back");
        assertThat(doc.path("reason").asText()).contains("latencyP95").contains("> max 0.05");
        assertThat(weights()).containsExactly(20, 0);
    }

    @Test
    @Order(3)
    void anEngineKilledMidStageContinuesFromItsStateFile() throws Exception {
        Path plan = write("resume.yaml", plan("[{weight: 20, duration: 6s}, {weight: 100}]", "1s", 1, "", "30s"));
        Path state = dir.resolve("resume-state.json");
        Process first = engine(plan, state);
        awaitTrue("3 analyses in stage 1", Duration.ofSeconds(30),
                () -> readable(state) && RolloutState.read(state).analyses.size() >= 3);
        killTree(first); // SIGKILL: no shutdown hook runs
        RolloutState killed = RolloutState.read(state);
        assertThat(killed.phase).isEqualTo(Phase.STAGE);
        long observedBefore = killed.stageObservedMs;

        long restart = System.nanoTime();
        Process second = engine(plan, state, "--out", dir.resolve("resume.json").toString());
        assertThat(awaitExit(second, 60)).as(log(second)).isZero();
        long secondRunMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restart);

        RolloutState done = RolloutState.read(state);
        assertThat(done.phase).isEqualTo(Phase.PROMOTED);
        assertThat(done.transitions).extracting(Transition::reason).anySatisfy(r -> assertThat(r).contains("resumed after a restart"));
        assertThat(weights()).containsExactly(20, 20, 100);
        // the time already analysed counted: the second run needed less than the whole stage again
        assertThat(observedBefore).isGreaterThanOrEqualTo(3000);
        // a stage restarted from zero would need 6 more analyses after the 3 before the kill
        assertThat(done.analyses.stream().filter(a -> a.stage() == 0).count()).isLessThanOrEqualTo(7);
        System.out.println("canary IT: resumed after kill -9 with " + observedBefore + " ms of the stage counted; second run "
                + secondRunMs + " ms");
    }

    @Test
    @Order(4)
    void anEngineKilledDuringARollbackFinishesItWhenRestarted() throws Exception {
        Path plan = write("rollback.yaml", plan("[{weight: 20, duration: 30s}, {weight: 100}]", "1s", 0, ", 'slow'", "30s"));
        Path state = dir.resolve("rollback-state.json");
        canary.errorRate = 1.0;
        Process first = engine(plan, state);
        awaitTrue("the rollback started", Duration.ofSeconds(30),
                () -> routerLog().stream().anyMatch(l -> l.contains("start 0")));
        killTree(first); // the JVM and the slow rollback command it had started
        assertThat(RolloutState.read(state).phase).isEqualTo(Phase.ROLLING_BACK);
        assertThat(weights()).containsExactly(20);

        Process second = engine(plan, state, "--out", dir.resolve("rollback.json").toString());
        assertThat(awaitExit(second, 60)).as(log(second)).isEqualTo(1);
        RolloutState done = RolloutState.read(state);
        assertThat(done.phase).isEqualTo(Phase.ROLLED_BACK);
        assertThat(done.transitions).extracting(Transition::reason).anySatisfy(r -> assertThat(r).contains("finishing the rollback"));
        assertThat(weights()).containsExactly(20, 0);
        assertThat(Files.readString(dir.resolve("upstream.conf"))).doesNotContain(":" + canary.port());
    }

    @Test
    @Order(5)
    void sigtermRollsBackBeforeExitingAndASecondEngineWaitsForTheLock() throws Exception {
        Path plan = write("signal.yaml", plan("[{weight: 20, duration: 60s}, {weight: 100}]", "1s", 1, "", "30s"));
        Path state = dir.resolve("signal-state.json");
        Path out = dir.resolve("signal.json");
        Process first = engine(plan, state, "--out", out.toString());
        awaitTrue("two analyses", Duration.ofSeconds(30), () -> readable(state) && RolloutState.read(state).analyses.size() >= 2);
        Path secondOut = dir.resolve("signal-second.json");
        Process second = engine(plan, state, "--out", secondOut.toString());
        Thread.sleep(1500);
        assertThat(second.isAlive()).as("the second engine waits for the lock").isTrue();

        first.destroy(); // SIGTERM
        assertThat(awaitExit(first, 30)).as(log(first)).isEqualTo(1);
        JsonNode doc = StructuredFiles.readTree(out);
        assertThat(doc.path("phase").asText()).isEqualTo("aborted");
        assertThat(doc.path("reason").asText()).contains("termination signal");
        assertThat(weights()).containsExactly(20, 0);

        // the second engine gets the lock, finds the rollout finished, reports it and moves nothing
        assertThat(awaitExit(second, 30)).as(log(second)).isEqualTo(1);
        assertThat(StructuredFiles.readTree(secondOut).path("phase").asText()).isEqualTo("aborted");
        assertThat(weights()).containsExactly(20, 0);
    }

    @Test
    @Order(6)
    void prometheusStoppedMidRolloutRollsBackPerNoDataFail() throws Exception {
        Path plan = write("noprom.yaml", plan("[{weight: 20, duration: 60s}, {weight: 100}]", "1s", 1, "", "30s"));
        Path progress = dir.resolve("noprom-progress.json");
        Path out = dir.resolve("noprom.json");
        Process engine = engine(plan, null, "--progress", progress.toString(), "--out", out.toString());
        awaitTrue("two analyses", Duration.ofSeconds(30),
                () -> readable(progress) && StructuredFiles.readTree(progress).path("analyses").size() >= 2);
        killTree(prometheus);
        assertThat(awaitExit(engine, 60)).as(log(engine)).isEqualTo(1);
        JsonNode doc = StructuredFiles.readTree(out);
        assertThat(doc.path("phase").asText()).isEqualTo("rolled-back");
        assertThat(doc.path("reason").asText()).contains("consecutive failed analyses").contains("Prometheus unreachable");
        assertThat(weights()).containsExactly(20, 0);
    }

    // ---- helpers

    Process engine(Path plan, Path state, String... extra) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", classpath, "io.jenkins.plugins.mlcicd.cli.Main", "canary", "--plan", plan.toString()));
        if (state != null) {
            command.addAll(List.of("--state", state.toString()));
        }
        command.addAll(List.of(extra));
        Path log = dir.resolve(plan.getFileName() + "." + engines.size() + ".log");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        engines.add(process);
        return process;
    }

    String log(Process engine) {
        int index = engines.indexOf(engine);
        try (var files = Files.list(dir)) {
            Path log = files.filter(f -> f.getFileName().toString().endsWith("." + index + ".log")).findFirst().orElseThrow();
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    static int awaitExit(Process process, int seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            killTree(process);
            throw new AssertionError("the engine did not finish within " + seconds + " s");
        }
        return process.exitValue();
    }

    List<String> routerLog() throws IOException {
        Path log = dir.resolve("router.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    /** The weights the router applied, in order. */
    List<Integer> weights() throws IOException {
        return routerLog().stream().filter(l -> !l.contains("start")).map(l -> Integer.parseInt(l.split(" ")[1])).toList();
    }

    Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    PrometheusClient prometheusClient() {
        return new PrometheusClient("http://127.0.0.1:" + prometheusPort, null, Duration.ofSeconds(2), s -> s);
    }

    static boolean readable(Path file) {
        return Files.exists(file);
    }

    void startLoad() {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        URI uri = URI.create("http://127.0.0.1:" + nginxPort + "/predict");
        for (int i = 0; i < 4; i++) {
            Thread t = new Thread(() -> {
                while (loadRunning.get() && sent.incrementAndGet() < MAX_REQUESTS) {
                    try {
                        client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                                HttpResponse.BodyHandlers.discarding());
                        Thread.sleep(30);
                    } catch (IOException e) {
                        // a connection closed by an nginx reload; the next request opens a new one
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "canary-it-load-" + i);
            t.setDaemon(true);
            t.start();
            load.add(t);
        }
    }

    static int get(HttpClient client, String url) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    static void awaitTrue(String what, Duration limit, Condition condition) throws Exception {
        awaitTrueAt(what, limit, condition);
    }

    /** Polls every 100 ms; returns the wall-clock millis at which the condition first held. */
    static long awaitTrueAt(String what, Duration limit, Condition condition) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            boolean holds;
            try {
                holds = condition.holds();
            } catch (RuntimeException e) {
                holds = false; // a file being replaced, a server still starting
            }
            if (holds) {
                return System.currentTimeMillis();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out after " + limit.toSeconds() + " s waiting until " + what);
    }

    static void killTree(Process process) throws InterruptedException {
        if (process == null) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(10, TimeUnit.SECONDS);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

}
