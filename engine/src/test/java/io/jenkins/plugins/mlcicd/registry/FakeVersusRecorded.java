package io.jenkins.plugins.mlcicd.registry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where {@link FakeMlflowServer} answers differently from a real MLflow server: runs a scenario that needs
 * no basic-auth server against the fake, through the recording proxy, and lists the exchanges whose method,
 * path, status or MLflow error code differ from the recording. {@code FakeMlflowServerConformanceTest}
 * keeps the list empty; {@link #main} prints it for a recording directory.
 */
public final class FakeVersusRecorded {
    private FakeVersusRecorded() {
    }

    /** The differences of one scenario, or a one-line reason it could not run against the fake. */
    static List<String> differences(Path versionDir, MlflowScenarios.Scenario scenario, int tagValueLimit) throws Exception {
        List<MlflowExchange> real = ReplayMlflowServer.load(versionDir.resolve(scenario.name() + ".jsonl"));
        List<MlflowExchange> fake;
        List<String> differences = new ArrayList<>();
        // MLflow honours max_results up to its own cap; the adapter asks for 200
        try (FakeMlflowServer server = new FakeMlflowServer(null, 200); RecordingMlflowProxy proxy = new RecordingMlflowProxy(server.uri())) {
            server.tagValueLimit = tagValueLimit;
            Path work = Files.createTempDirectory("fake-mlflow");
            if (scenario.name().equals("concurrent-history")) { // its state is what concurrent-moves left behind
                MlflowScenarios.seedVersions(new RawMlflow(server.uri(), null, null), "race-model", MlflowScenarios.RACERS);
                MlflowScenarios.concurrentMoves(new MlflowScenarios.Ctx(server.uri(), work, true));
            } else {
                scenario.setup().run(new RawMlflow(server.uri(), null, null));
            }
            proxy.next(scenario.name());
            try {
                scenario.exercise().run(new MlflowScenarios.Ctx(proxy.uri(), work, false));
            } catch (Throwable e) {
                differences.add("the scenario fails against the fake: " + String.valueOf(e.getMessage()).replaceAll("\\s+", " "));
            }
            fake = proxy.next("");
        }
        for (int i = 0; i < Math.max(real.size(), fake.size()); i++) {
            String r = i < real.size() ? describe(real.get(i)) : "(nothing)";
            String f = i < fake.size() ? describe(fake.get(i)) : "(nothing)";
            if (!r.equals(f)) {
                differences.add("#" + (i + 1) + " real: " + r + " | fake: " + f);
            }
        }
        return differences;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int limit = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        for (MlflowScenarios.Scenario scenario : MlflowScenarios.ALL) {
            if (!scenario.auth() && scenario.replayable()) {
                List<String> differences = differences(dir, scenario, limit);
                System.out.println(scenario.name() + ": " + differences.size() + " differences");
                differences.stream().limit(8).forEach(d -> System.out.println("  " + (d.length() > 400 ? d.substring(0, 400) + "…" : d)));
            }
        }
    }

    private static String describe(MlflowExchange e) {
        String code = e.response() != null && e.response().isObject() ? e.response().path("error_code").asText("") : "";
        String text = e.response() != null && e.response().isTextual() && e.status() >= 400 ? " text:" + e.response().asText() : "";
        return e.method() + " " + e.path().replaceAll("/artifacts/.*", "/artifacts/…") + " → " + e.status() + (code.isEmpty() ? "" : " " + code) + text;
    }
}
