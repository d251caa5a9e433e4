package io.jenkins.plugins.mlcicd.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlcicd.input.Json;
import io.jenkins.plugins.mlcicd.registry.AliasMove;
import io.jenkins.plugins.mlcicd.registry.MlflowModelRegistry;
import io.jenkins.plugins.mlcicd.registry.ModelRegistry;
import io.jenkins.plugins.mlcicd.registry.ModelVersion;
import io.jenkins.plugins.mlcicd.registry.Promotion;
import io.jenkins.plugins.mlcicd.registry.RegistryException;
import io.jenkins.plugins.mlcicd.report.ResultDocumentJson;
import io.jenkins.plugins.mlcicd.report.Numbers;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "registry", mixinStandardHelpOptions = true,
        description = "List, show, promote and alias model versions in a file registry or MLflow.",
        subcommands = {RegistryCommand.ListVersions.class, RegistryCommand.Show.class, RegistryCommand.Promote.class,
            RegistryCommand.SetAlias.class, RegistryCommand.History.class})
final class RegistryCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand: list, show, promote, alias or history");
    }

    /** What every subcommand shares: which registry, which model, how to print. */
    abstract static class Base implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        RegistryOptions registry;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "Registered model name.")
        String name;

        @Option(names = "--json", description = "Print JSON instead of a table.")
        boolean json;

        // Not mixinStandardHelpOptions: its -V/--version would clash with --version N.
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
        boolean help;

        @Override
        public final Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try {
                int code = run(registry.open(), out);
                out.flush();
                return code;
            } catch (RegistryException e) {
                out.flush();
                return registry.fail(spec.commandLine().getErr(), e);
            }
        }

        abstract int run(ModelRegistry registry, PrintWriter out);

        static void printJson(PrintWriter out, Object value) {
            try {
                out.println(Json.mapper().writeValueAsString(value));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Command(name = "list", description = "List the versions of a model, oldest first, with their aliases.")
    static final class ListVersions extends Base {
        @Override
        int run(ModelRegistry registry, PrintWriter out) {
            List<ModelVersion> versions = registry.list(name);
            Map<String, Integer> aliases = registry.aliases(name);
            if (json) {
                ObjectNode node = Json.mapper().createObjectNode();
                node.put("name", name);
                node.set("aliases", Json.mapper().valueToTree(aliases));
                var items = node.putArray("versions");
                versions.forEach(v -> {
                    ObjectNode item = Json.mapper().valueToTree(v);
                    item.remove("lineage");
                    items.add(item);
                });
                printJson(out, node);
                return 0;
            }
            out.printf(Locale.ROOT, "%-8s %-30s %-14s %-20s %-30s %s%n", "VERSION", "CREATED", "SHA256", "ALIASES", "METRICS", "SOURCE");
            for (ModelVersion v : versions) {
                String names = aliases.entrySet().stream().filter(e -> e.getValue() == v.version()).map(Map.Entry::getKey)
                        .collect(Collectors.joining(","));
                out.printf(Locale.ROOT, "%-8d %-30s %-14s %-20s %-30s %s%n", v.version(), v.createdAt(), shortDigest(v.model().sha256()),
                        names.isEmpty() ? "-" : names, metrics(v.metrics(), 3), v.sourceUrl() == null ? "-" : v.sourceUrl());
            }
            if (versions.isEmpty()) {
                out.println("(no versions)");
            }
            return 0;
        }
    }

    @Command(name = "show", description = "Show one version with its lineage (default: the latest).")
    static final class Show extends Base {
        static final class Which {
            @Option(names = "--version", paramLabel = "N", description = "Version number.")
            Integer version;

            @Option(names = "--alias", paramLabel = "ALIAS", description = "The version an alias points at.")
            String alias;
        }

        @ArgGroup(exclusive = true, multiplicity = "0..1")
        Which which;

        @Override
        int run(ModelRegistry registry, PrintWriter out) {
            int number = resolveVersion(registry, name, which == null ? null : which.version, which == null ? null : which.alias);
            ModelVersion version = registry.get(name, number);
            ObjectNode node = Json.mapper().valueToTree(version);
            List<String> aliases = registry.aliases(name).entrySet().stream().filter(e -> e.getValue() == number)
                    .map(Map.Entry::getKey).toList();
            node.set("aliases", Json.mapper().valueToTree(aliases));
            if (registry instanceof MlflowModelRegistry mlflow) {
                node.put("downloadUri", mlflow.downloadUri(name, number));
            }
            printJson(out, node); // lineage is nested data: JSON is the readable form, with or without --json
            return 0;
        }
    }

    @Command(name = "promote",
            description = {"Move an alias (default champion) to a version on the evidence of a gate result.",
                "Refused (exit 1) when the gate did not pass, unless --force."})
    static final class Promote extends Base {
        static final class Which {
            @Option(names = "--version", paramLabel = "N", description = "Version to promote.")
            Integer version;

            @Option(names = "--from-alias", paramLabel = "ALIAS", description = "Promote the version this alias points at (e.g. candidate).")
            String fromAlias;
        }

        static final class Evidence {
            @Option(names = "--gate", paramLabel = "FILE", description = "Gate (or any) result document whose verdict allows the promotion.")
            Path gate;

            @Option(names = "--gate-verdict", paramLabel = "VERDICT", description = "The gate verdict, when there is no document: PASSED, WARNING, INCONCLUSIVE, FAILED.")
            Verdict verdict;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        Which which;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Evidence evidence;

        @Option(names = "--alias", paramLabel = "ALIAS", defaultValue = "champion", description = "Alias to move (default: ${DEFAULT-VALUE}).")
        String alias;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why; recorded in the alias history.")
        String reason;

        @Option(names = "--actor", paramLabel = "WHO", description = "Who promotes (default: $BUILD_USER_ID or the OS user).")
        String actor;

        @Option(names = "--source-url", paramLabel = "URL", defaultValue = "${env:BUILD_URL}", description = "The build that promotes (default: $BUILD_URL).")
        String sourceUrl;

        @Option(names = "--force", description = "Promote even when the gate verdict is INCONCLUSIVE or FAILED (recorded as such).")
        boolean force;

        @Override
        int run(ModelRegistry registry, PrintWriter out) {
            String source;
            Verdict verdict;
            if (evidence.verdict != null) {
                verdict = evidence.verdict;
                source = "--gate-verdict " + verdict;
            } else {
                source = evidence.gate.toString();
                verdict = io.jenkins.plugins.mlcicd.registry.Promote.gateVerdict(ResultDocumentJson.read(evidence.gate), source);
            }
            // the rule is the engine's (registry.Promote), shared with Jenkins' mlPromote
            io.jenkins.plugins.mlcicd.registry.Promote.Outcome outcome = io.jenkins.plugins.mlcicd.registry.Promote.promote(registry,
                    new io.jenkins.plugins.mlcicd.registry.Promote.Request(name, which.version, which.fromAlias, alias,
                    reason, actor != null ? actor : RegistryOptions.defaultActor(), blankToNull(sourceUrl), verdict, source, force));
            if (!outcome.promoted()) {
                spec.commandLine().getErr().println("mlcicd: not promoting: the gate verdict is " + verdict + " (use --force to override, recorded)");
                return Verdict.FAILED.exitCode();
            }
            report(out, json, name, outcome.move());
            return 0;
        }
    }

    @Command(name = "alias", description = "Point an alias at a version, or remove it, without a gate (recorded).")
    static final class SetAlias extends Base {
        static final class Action {
            @Option(names = "--version", paramLabel = "N", description = "Version the alias should point at.")
            Integer version;

            @Option(names = "--delete", description = "Remove the alias.")
            boolean delete;
        }

        @Option(names = "--alias", required = true, paramLabel = "ALIAS", description = "Alias, e.g. candidate, champion, shadow.")
        String alias;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Action action;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why; recorded in the alias history.")
        String reason;

        @Option(names = "--actor", paramLabel = "WHO", description = "Who (default: $BUILD_USER_ID or the OS user).")
        String actor;

        @Option(names = "--source-url", paramLabel = "URL", defaultValue = "${env:BUILD_URL}", description = "The build that moves it (default: $BUILD_URL).")
        String sourceUrl;

        @Override
        int run(ModelRegistry registry, PrintWriter out) {
            Promotion why = new Promotion(actor != null ? actor : RegistryOptions.defaultActor(), reason, blankToNull(sourceUrl), null);
            AliasMove move = action.delete ? registry.removeAlias(name, alias, why) : registry.setAlias(name, alias, action.version, why);
            report(out, json, name, move);
            return 0;
        }
    }

    @Command(name = "history", description = "Every alias move of a model: when, who, from, to, why.")
    static final class History extends Base {
        @Option(names = "--alias", paramLabel = "ALIAS", description = "Only this alias.")
        String alias;

        @Override
        int run(ModelRegistry registry, PrintWriter out) {
            List<AliasMove> moves = registry.history(name).stream().filter(m -> alias == null || alias.equals(m.alias())).toList();
            if (json) {
                printJson(out, moves);
                return 0;
            }
            out.printf(Locale.ROOT, "%-30s %-12s %-6s %-6s %-14s %-12s %s%n", "TIME", "ALIAS", "FROM", "TO", "ACTOR", "GATE", "REASON / SOURCE");
            for (AliasMove m : moves) {
                out.printf(Locale.ROOT, "%-30s %-12s %-6s %-6s %-14s %-12s %s%s%n", m.timestamp(), m.alias(), orDash(m.fromVersion()),
                        orDash(m.toVersion()), m.actor(), m.gateVerdict() == null ? "-" : m.gateVerdict(), m.reason(),
                        m.sourceUrl() == null ? "" : " (" + m.sourceUrl() + ")");
            }
            if (moves.isEmpty()) {
                out.println("(no alias moves)");
            }
            return 0;
        }
    }

    static int resolveVersion(ModelRegistry registry, String name, Integer version, String alias) {
        if (version != null) {
            return version;
        }
        if (alias != null) {
            Integer target = registry.aliases(name).get(alias);
            if (target == null) {
                throw new RegistryException(RegistryException.Kind.NOT_FOUND, "model '" + name + "' has no alias '" + alias + "'");
            }
            return target;
        }
        List<ModelVersion> versions = registry.list(name);
        if (versions.isEmpty()) {
            throw new RegistryException(RegistryException.Kind.NOT_FOUND, "model '" + name + "' has no versions");
        }
        return versions.get(versions.size() - 1).version();
    }

    static void report(PrintWriter out, boolean json, String name, AliasMove move) {
        if (json) {
            Base.printJson(out, move);
            return;
        }
        out.println(move.toVersion() == null
                ? name + ": alias '" + move.alias() + "' removed (was version " + move.fromVersion() + ")"
                : name + ": alias '" + move.alias() + "' → version " + move.toVersion()
                        + (move.fromVersion() == null ? " (new)" : " (was " + move.fromVersion() + ")"));
    }

    static String shortDigest(String sha256) {
        return sha256 == null || sha256.length() < 12 ? String.valueOf(sha256) : sha256.substring(0, 12);
    }

    static String metrics(Map<String, Double> metrics, int limit) {
        String text = metrics.entrySet().stream().limit(limit).map(e -> e.getKey() + "=" + Numbers.format(e.getValue()))
                .collect(Collectors.joining(" "));
        return text.isEmpty() ? "-" : text;
    }

    static String orDash(Integer value) {
        return value == null ? "-" : value.toString();
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
