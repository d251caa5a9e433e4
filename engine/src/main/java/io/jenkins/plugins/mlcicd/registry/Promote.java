package io.jenkins.plugins.mlcicd.registry;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.result.Check;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.ResultKind;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The one promotion rule, for {@code mlcicd registry promote} and Jenkins' {@code mlPromote}: an alias
 * moves to a version on the evidence of a gate result. A PASSED or WARNING gate allows it; any other
 * verdict refuses it (nothing moves) unless the caller forces it, which the alias history records in
 * the reason and with the gate's verdict. The outcome is a {@link ResultKind#PROMOTION} result document.
 */
public final class Promote {
    /** The alias a promotion moves when none is named. */
    public static final String DEFAULT_ALIAS = "champion";

    private Promote() {
    }

    /**
     * What to promote and why.
     *
     * @param name        registered model name
     * @param version     the version to promote, or null when {@code fromAlias} names it
     * @param fromAlias   the alias whose version is promoted (e.g. {@code candidate}), or null
     * @param alias       the alias that moves (null: {@value #DEFAULT_ALIAS})
     * @param reason      why; required, recorded in the alias history
     * @param actor       who promotes, recorded
     * @param sourceUrl   the build that promotes, or null
     * @param gateVerdict the verdict of the gate that is the evidence
     * @param gateSource  where that verdict came from, for the document and messages (a file, a gate id)
     * @param force       promote even when the gate did not pass (recorded)
     */
    public record Request(String name, Integer version, String fromAlias, String alias, String reason, String actor,
                          String sourceUrl, Verdict gateVerdict, String gateSource, boolean force) {
        public Request {
            alias = alias == null || alias.isBlank() ? DEFAULT_ALIAS : alias.strip();
            fromAlias = fromAlias == null || fromAlias.isBlank() ? null : fromAlias.strip();
        }

        /** Checks the arguments a caller can get wrong; the message names the field as the CLI and the step spell it. */
        public Request validated() {
            if (name == null || name.isBlank()) {
                throw new BadInputException("model: required (the registered model name)");
            }
            if ((version == null) == (fromAlias == null)) {
                throw new BadInputException("give exactly one of version (a version number) and fromAlias (e.g. 'candidate')");
            }
            if (version != null && version < 1) {
                throw new BadInputException("version: must be a version number ≥ 1, not " + version);
            }
            if (reason == null || reason.isBlank()) {
                throw new BadInputException("reason: must not be empty; say why the alias moves");
            }
            if (actor == null || actor.isBlank()) {
                throw new BadInputException("actor: must not be empty; the alias history says who moved it");
            }
            Objects.requireNonNull(gateVerdict, "gateVerdict");
            return this;
        }
    }

    /**
     * What happened.
     *
     * @param move     the recorded alias move, or null when the gate refused the promotion
     * @param version  the version that was (or would have been) promoted, or null when refused before it was resolved
     * @param document the {@link ResultKind#PROMOTION} result document
     */
    public record Outcome(AliasMove move, Integer version, ResultDocument document) {
        public boolean promoted() {
            return move != null;
        }
    }

    /** Whether a gate verdict allows a promotion without {@code force}. */
    public static boolean allows(Verdict gateVerdict) {
        return gateVerdict == Verdict.PASSED || gateVerdict == Verdict.WARNING;
    }

    /**
     * The gate verdict a result document gives as evidence: only a gate result is evidence, so that a
     * data validation or evaluation that happens to have passed cannot promote a model.
     *
     * @param source how the caller names the document in messages (a file, a gate id)
     */
    public static Verdict gateVerdict(ResultDocument document, String source) {
        if (document.kind() != ResultKind.GATE) {
            throw new BadInputException(source + ": a " + document.kind().id() + " result, not a gate result: "
                    + "the evidence of a promotion is the result of a gate (mlGate, mlcicd gate --out)");
        }
        return document.verdict();
    }

    public static Outcome promote(ModelRegistry registry, Request request) {
        return promote(registry, request, Clock.systemUTC());
    }

    /** Moves the alias when the gate allows it (or {@code force}); never moves it otherwise. */
    public static Outcome promote(ModelRegistry registry, Request request, Clock clock) {
        Instant started = clock.instant();
        request.validated();
        boolean allowed = allows(request.gateVerdict());
        if (!allowed && !request.force()) {
            String summary = "not promoted: the gate verdict is " + request.gateVerdict() + "; alias '" + request.alias()
                    + "' of " + request.name() + " did not move (force to override, recorded)";
            return new Outcome(null, request.version(), document(request, null, null, Verdict.FAILED, summary, started, clock));
        }
        int version = resolve(registry, request.name(), request.version(), request.fromAlias());
        String reason = allowed ? request.reason() : request.reason() + " (forced despite gate " + request.gateVerdict() + ")";
        AliasMove move = registry.setAlias(request.name(), request.alias(), version,
                new Promotion(request.actor(), reason, request.sourceUrl(), request.gateVerdict().name()));
        Verdict verdict = allowed ? request.gateVerdict() : Verdict.WARNING;
        String summary = request.name() + ": alias '" + request.alias() + "' → version " + version
                + (move.fromVersion() == null ? " (new)" : " (was " + move.fromVersion() + ")")
                + (allowed ? "" : ", forced despite gate " + request.gateVerdict());
        return new Outcome(move, version, document(request, move, version, verdict, summary, started, clock));
    }

    /** The version a number or an alias names; NOT_FOUND when the alias is not set. */
    public static int resolve(ModelRegistry registry, String name, Integer version, String alias) {
        if (version != null) {
            registry.get(name, version); // NOT_FOUND before anything moves
            return version;
        }
        Integer target = registry.aliases(name).get(alias);
        if (target == null) {
            throw new RegistryException(RegistryException.Kind.NOT_FOUND, "model '" + name + "' has no alias '" + alias + "'");
        }
        return target;
    }

    private static ResultDocument document(Request request, AliasMove move, Integer version, Verdict verdict, String summary,
                                           Instant started, Clock clock) {
        boolean allowed = allows(request.gateVerdict());
        Verdict gateCheck = allowed ? request.gateVerdict() : request.force() ? Verdict.WARNING : Verdict.FAILED;
        String gateMessage = allowed ? "the gate " + request.gateSource() + " allows the promotion"
                : request.force() ? "forced: the gate " + request.gateSource() + " did not pass (recorded in the alias history)"
                : "the gate " + request.gateSource() + " did not pass: nothing moved";
        Check gate = new Check("gate", gateCheck, null, null, null, "PASSED or WARNING", gateMessage,
                java.util.Map.of("gateVerdict", request.gateVerdict().name()));
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        fields.put("model", request.name());
        fields.put("alias", request.alias());
        if (version != null) {
            fields.put("version", version);
        }
        if (request.fromAlias() != null) {
            fields.put("fromAlias", request.fromAlias());
        }
        fields.put("gate", request.gateSource());
        fields.put("gateVerdict", request.gateVerdict().name());
        fields.put("forced", request.force() && !allowed);
        fields.put("actor", request.actor());
        fields.put("reason", request.reason());
        if (request.sourceUrl() != null) {
            fields.put("sourceUrl", request.sourceUrl());
        }
        if (move != null) {
            fields.set("move", io.jenkins.plugins.mlcicd.input.Json.mapper().valueToTree(move));
        }
        long durationMs = Math.max(0, Duration.between(started, clock.instant()).toMillis());
        return new ResultDocument(ResultKind.PROMOTION, verdict, summary, started, durationMs, List.of(gate), fields);
    }
}
