package io.jenkins.plugins.mlcicd.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Records what real MLflow servers answer to {@link MlflowScenarios}: run by bench/mlflow/record.sh with
 * the URL of a plain server, the URL of one started with {@code --app-name basic-auth}, and the directory
 * to write {@code <scenario>.jsonl} into. Exits 1 when a scenario's assertion failed against the real
 * server (its recording is still written: the failure is a difference between the adapter's expectations
 * and MLflow).
 *
 * <p>Usage: {@code MlflowRecorder <plain-url> <basic-auth-url|-> <out-dir> [scenario…]}
 */
public final class MlflowRecorder {
    private MlflowRecorder() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: MlflowRecorder <plain-url> <basic-auth-url|-> <out-dir> [scenario…]");
            System.exit(2);
        }
        URI plain = URI.create(args[0]);
        URI auth = "-".equals(args[1]) ? null : URI.create(args[1]);
        Path out = Path.of(args[2]);
        Files.createDirectories(out);
        List<String> only = List.of(args).subList(3, args.length);
        List<String> failed = new ArrayList<>();
        int exchanges = 0;
        for (MlflowScenarios.Scenario scenario : MlflowScenarios.ALL) {
            if (!only.isEmpty() && !only.contains(scenario.name())) {
                continue;
            }
            URI target = scenario.auth() ? auth : plain;
            if (target == null) {
                System.out.println("skip " + scenario.name() + " (no basic-auth server)");
                continue;
            }
            RawMlflow direct = scenario.auth() ? new RawMlflow(target, MlflowScenarios.ADMIN, MlflowScenarios.ADMIN_PASSWORD) : new RawMlflow(target, null, null);
            scenario.setup().run(direct);
            Path work = Files.createTempDirectory("mlflow-record");
            List<MlflowExchange> recorded;
            String outcome = "ok";
            try (RecordingMlflowProxy proxy = new RecordingMlflowProxy(target)) {
                proxy.next(scenario.name());
                try {
                    scenario.exercise().run(new MlflowScenarios.Ctx(proxy.uri(), work, true));
                } catch (Throwable e) {
                    outcome = "FAILED: " + e.getMessage().replaceAll("\\s+", " ");
                    failed.add(scenario.name());
                }
                recorded = proxy.next("");
            }
            write(out.resolve(scenario.name() + ".jsonl"), recorded);
            exchanges += recorded.size();
            System.out.println(scenario.name() + ": " + recorded.size() + " exchanges, " + outcome);
        }
        System.out.println(exchanges + " exchanges recorded in " + out + (failed.isEmpty() ? "" : "; FAILED against the real server: " + failed));
        System.exit(failed.isEmpty() ? 0 : 1);
    }

    private static void write(Path file, List<MlflowExchange> exchanges) throws IOException {
        StringBuilder text = new StringBuilder();
        for (MlflowExchange exchange : exchanges) {
            ObjectNode line = exchange.toJson();
            text.append(line.toString()).append('\n');
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
