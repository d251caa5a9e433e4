package io.jenkins.plugins.mlcicd.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlcicd.input.Json;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The demo's canary environment, all on loopback: nginx splits live traffic between the production
 * and candidate model servers by the weights {@code deploy/set-weight.sh} writes; Prometheus scrapes
 * both servers every second; a generator sends the request log through nginx. The rollout plan is
 * the example's {@code deploy/canary.yaml} with its stages scaled from hours to seconds.
 */
public final class DemoCanary {
    /** The scaled schedule, for the demo's step title. */
    public static final String SCHEDULE = "10% for 8 s, 50% for 8 s, then 100%";
    public static final String HOW_TO_GET = "install nginx and prometheus (Debian: apt-get install nginx prometheus) and run the demo again";
    private static final int TRAFFIC_PER_SECOND = 40;

    private final Path work;
    private final DemoProcesses processes;
    private final Tools tools;
    private final int productionPort;
    private final int candidatePort;
    private final PrintWriter console;
    private final AtomicReference<Instant> slowedDown = new AtomicReference<>();
    private DemoTraffic traffic;
    private int nginxPort;

    /** Where nginx and Prometheus are. */
    public record Tools(Path nginx, Path prometheus) {
    }

    public DemoCanary(Path work, DemoProcesses processes, Tools tools, DemoProcesses.Started production, int productionPort,
                      DemoProcesses.Started candidate, int candidatePort, PrintWriter console) {
        this.work = work;
        this.processes = processes;
        this.tools = tools;
        this.productionPort = productionPort;
        this.candidatePort = candidatePort;
        this.console = console;
        if (!production.process().isAlive() || !candidate.process().isAlive()) {
            throw new IllegalStateException("a model server stopped before the canary; see " + work.resolve("logs"));
        }
    }

    /**
     * nginx and Prometheus, found on the PATH or in Debian's places; installed with apt when this
     * process is root and apt-get exists; null (with a line saying how to get them) otherwise.
     */
    public static Tools tools(PrintWriter console) {
        Tools found = find();
        if (found != null) {
            return found;
        }
        Path aptGet = Path.of("/usr/bin/apt-get");
        if ("root".equals(System.getProperty("user.name")) && Files.isExecutable(aptGet)) {
            console.println("$ apt-get install -y nginx prometheus   (the canary needs them; running as root)");
            console.flush();
            try {
                ProcessBuilder install = new ProcessBuilder("sh", "-c",
                        "apt-get update -qq && apt-get install -y -qq nginx prometheus >/dev/null")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
                install.environment().put("DEBIAN_FRONTEND", "noninteractive");
                if (install.start().waitFor() == 0) {
                    return find();
                }
            } catch (IOException e) {
                console.println("mlcicd demo: apt-get failed: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        console.println("mlcicd demo: canary skipped: nginx and Prometheus are needed; " + HOW_TO_GET);
        return null;
    }

    private static Tools find() {
        Path nginx = executable("nginx");
        Path prometheus = executable("prometheus");
        return nginx == null || prometheus == null ? null : new Tools(nginx, prometheus);
    }

    private static Path executable(String name) {
        List<String> directories = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)));
        directories.addAll(List.of("/usr/sbin", "/usr/bin", "/sbin"));
        for (String directory : directories) {
            if (!directory.isEmpty()) {
                Path candidate = Path.of(directory, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    /** Starts nginx (canary at 0%), Prometheus and the traffic; returns the scaled rollout plan. */
    public Path start() {
        try {
            Path plan = work.resolve("canary/plan.yaml");
            Files.createDirectories(plan.getParent());
            startNginx();
            int prometheusPort = startPrometheus();
            traffic = DemoTraffic.start(URI.create("http://127.0.0.1:" + nginxPort + "/predict"), work.resolve("logs/requests.jsonl"),
                    TRAFFIC_PER_SECOND, Duration.ofMinutes(3));
            console.printf("traffic: %d requests/s through nginx on :%d; Prometheus on :%d scrapes both models every second%n",
                    TRAFFIC_PER_SECOND, nginxPort, prometheusPort);
            Files.writeString(plan, plan(prometheusPort));
            return plan;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up the canary in " + work + ": " + e.getMessage(), e);
        }
    }

    private void startNginx() throws IOException {
        nginxPort = DemoProcesses.freePort();
        Path prefix = work.resolve("nginx");
        for (String sub : List.of("conf", "logs", "tmp")) {
            Files.createDirectories(prefix.resolve(sub));
        }
        String config = Files.readString(work.resolve("deploy/nginx.conf")).replace("127.0.0.1:8080", "127.0.0.1:" + nginxPort);
        Files.writeString(prefix.resolve("conf/nginx.conf"), config);
        // the canary starts out of rotation; set-weight.sh rewrites this file for every stage
        Files.writeString(prefix.resolve("conf/upstream.conf"), "upstream model {\n  server 127.0.0.1:" + productionPort
                + " weight=100;\n  server 127.0.0.1:" + candidatePort + " down;\n  keepalive 32;\n}\n");
        List<String> command = List.of(tools.nginx().toString(), "-p", prefix.toString(), "-c", "conf/nginx.conf", "-g", "daemon off;");
        console.printf("$ %s &%n", String.join(" ", command));
        Path log = prefix.resolve("logs/stdout.log");
        DemoProcesses.Started nginx = processes.start("nginx", command, work, log);
        DemoProcesses.awaitReady(nginx, "http://127.0.0.1:" + nginxPort + "/healthz", Duration.ofSeconds(20), log);
    }

    private int startPrometheus() throws IOException {
        int port = DemoProcesses.freePort();
        Path home = work.resolve("prometheus");
        Files.createDirectories(home.resolve("data"));
        Files.writeString(home.resolve("prometheus.yml"), """
                # scraped every second so that a canary's guardrails see a change within seconds
                global: {scrape_interval: 1s, evaluation_interval: 1s}
                scrape_configs:
                  - job_name: models
                    static_configs:
                      - targets: ['127.0.0.1:%d', '127.0.0.1:%d']
                """.formatted(productionPort, candidatePort));
        List<String> command = List.of(tools.prometheus().toString(), "--config.file=" + home.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + home.resolve("data"), "--web.listen-address=127.0.0.1:" + port);
        console.printf("$ %s &%n", String.join(" ", command));
        Path log = home.resolve("prometheus.log");
        DemoProcesses.Started prometheus = processes.start("prometheus", command, work, log);
        DemoProcesses.awaitReady(prometheus, "http://127.0.0.1:" + port + "/-/ready", Duration.ofSeconds(30), log);
        awaitTargetsUp(port, log);
        return port;
    }

    /** Prometheus is ready before it has scraped anything; the plan's first analysis needs both targets up. */
    private static void awaitTargetsUp(int port, Path log) {
        HttpClient client = HttpClient.newHttpClient();
        URI query = URI.create("http://127.0.0.1:" + port + "/api/v1/query?query=" + URLEncoder.encode("sum(up)", StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                JsonNode answer = Json.mapper().readTree(client.send(HttpRequest.newBuilder(query).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                JsonNode result = answer.path("data").path("result");
                if (result.size() == 1 && "2".equals(result.get(0).path("value").path(1).asText())) {
                    return;
                }
                Thread.sleep(200);
            } catch (IOException e) {
                // not answering yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("Prometheus did not scrape both model servers within 20 s; see " + log);
    }

    /** The example's plan, scaled to seconds, with this run's ports and absolute paths. */
    private String plan(int prometheusPort) {
        String router = "['env', 'MLCICD_NGINX_PREFIX=" + work.resolve("nginx") + "', 'MLCICD_BASELINE=127.0.0.1:" + productionPort
                + "', 'MLCICD_CANARY=127.0.0.1:" + candidatePort + "', '" + work.resolve("deploy/set-weight.sh") + "', '${WEIGHT}']";
        return """
                # deploy/canary.yaml scaled from hours to seconds for the demo (written by mlcicd demo)
                stages:
                  - {weight: 10, duration: 8s}
                  - {weight: 50, duration: 8s}
                  - {weight: 100}
                interval: 2s
                failureLimit: 1
                # a stage's first seconds may have too few canary requests for a rate: such an analysis
                # is inconclusive, not a pass; a guardrail that is breached fails it
                noData: inconclusive
                # 2 s × (1 + 1) + query timeout 2 s + rollback timeout 5 s = 11 s: the plan is refused unless a
                # breach surely rolls back within this
                rollbackWithin: 15s
                router:
                  command: %s
                  timeout: 5s
                rollback:
                  command: %s
                  timeout: 5s
                metrics:
                  prometheus: {url: 'http://127.0.0.1:%d', timeout: 2s}
                guardrails:
                  - name: latencyP95
                    query: 'histogram_quantile(0.95, sum by (le) (rate(request_seconds_bucket{variant="${VARIANT}"}[5s])))'
                    max: 0.050
                  - name: errorRate
                    query: 'sum(rate(requests_total{variant="${VARIANT}",code=~"5.."}[5s]) or vector(0)) / sum(rate(requests_total{variant="${VARIANT}"}[5s]))'
                    max: 0.01
                    maxIncrease: 0.005
                """.formatted(router, router.replace("'${WEIGHT}'", "'0'"), prometheusPort);
    }

    /** After {@code delay}, makes the canary server answer 120 ms slower (serve.py's knob), and notes when. */
    public void slowDownCanaryAfter(Duration delay) {
        Thread thread = new Thread(() -> {
            try {
                Thread.sleep(delay.toMillis());
                HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + candidatePort + "/admin/knobs"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"slow_ms\": 120}")).build(), HttpResponse.BodyHandlers.discarding());
                slowedDown.set(Instant.now());
                console.println("mlcicd demo: the canary now answers 120 ms slower");
                console.flush();
            } catch (IOException e) {
                console.println("mlcicd demo: could not slow the canary down: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "mlcicd-demo-slowdown");
        thread.setDaemon(true);
        thread.start();
    }

    public void stopTraffic() {
        if (traffic != null) {
            traffic.close();
            console.printf("traffic: %d requests sent, %d failed%n", traffic.sent(), traffic.failed());
        }
    }

    /**
     * For a rolled-back canary slowed down on purpose: seconds from the slowdown to the rollback
     * completing, from the rollout's recorded transitions; null when either is unknown.
     */
    public String rollbackTiming(ResultDocument rollout) {
        Instant slow = slowedDown.get();
        if (slow == null) {
            return null;
        }
        for (JsonNode transition : rollout.fields().path("transitions")) {
            if ("rolled-back".equals(transition.path("to").asText())) {
                Instant done = Instant.parse(transition.path("at").asText());
                return String.format(Locale.ROOT, "rolled back %.1f s after the canary slowed down", (done.toEpochMilli() - slow.toEpochMilli()) / 1000.0);
            }
        }
        return null;
    }
}
