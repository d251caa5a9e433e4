package io.jenkins.plugins.mlcicd.registry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where {@link FakeMlflowServer} answers differently from a real MLflow server: runs each scenario that
 * needs no basic-auth server against the fake, through the recording proxy, and lists the exchanges whose
 * method, path, status or MLflow error code differ from the recording of the given version. A tool for
 * keeping the fake honest (its output for 2.22/3.6 is summarised in docs/training.md), not a test.
 *
 * <p>Usage: {@code FakeVersusRecorded <recordings-dir>/<version>}
 */
public final class FakeVersusRecorded {
    private FakeVersusRecorded() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        for (MlflowScenarios.Scenario scenario : MlflowScenarios.ALL) {
            if (scenario.auth() || !scenario.replayable()) {
                continue;
            }
            List<MlflowExchange> real = ReplayMlflowServer.load(dir.resolve(scenario.name() + ".jsonl"));
            List<MlflowExchange> fake;
            String outcome = "ok";
            try (FakeMlflowServer server = new FakeMlflowServer(null, 100); RecordingMlflowProxy proxy = new RecordingMlflowProxy(server.uri())) {
                if (scenario.name().equals("concurrent-history")) {
                    MlflowScenarios.seedVersions(new RawMlflow(server.uri(), null, null), "race-model", MlflowScenarios.RACERS);
                    MlflowScenarios.concurrentMoves(new MlflowScenarios.Ctx(server.uri(), Files.createTempDirectory("fake"), true));
                } else {
                    scenario.setup().run(new RawMlflow(server.uri(), null, null));
                }
                proxy.next(scenario.name());
                try {
                    scenario.exercise().run(new MlflowScenarios.Ctx(proxy.uri(), Files.createTempDirectory("fake"), true));
                } catch (Throwable e) {
                    outcome = "FAILED against the fake: " + String.valueOf(e.getMessage()).replaceAll("\\s+", " ");
                }
                fake = proxy.next("");
            } catch (Throwable e) {
                System.out.println(scenario.name() + ": setup failed against the fake: " + e);
                continue;
            }
            List<String> differences = new ArrayList<>();
            for (int i = 0; i < Math.max(real.size(), fake.size()); i++) {
                String r = i < real.size() ? describe(real.get(i)) : "(nothing)";
                String f = i < fake.size() ? describe(fake.get(i)) : "(nothing)";
                if (!r.equals(f)) {
                    differences.add("  #" + (i + 1) + " real: " + r + "\n      fake: " + f);
                }
            }
            System.out.println(scenario.name() + ": " + real.size() + " real, " + fake.size() + " fake exchanges, " + differences.size()
                    + " differ; " + (outcome.length() > 300 ? outcome.substring(0, 300) + "…" : outcome));
            differences.stream().limit(6).forEach(System.out::println);
        }
    }

    private static String describe(MlflowExchange e) {
        String code = e.response() != null && e.response().isObject() ? e.response().path("error_code").asText("") : "";
        String text = e.response() != null && e.response().isTextual() ? " text:" + e.response().asText().substring(0, Math.min(40, e.response().asText().length())) : "";
        return e.method() + " " + e.path().replaceAll("/artifacts/.*", "/artifacts/…") + " → " + e.status() + (code.isEmpty() ? "" : " " + code) + text;
    }
}
