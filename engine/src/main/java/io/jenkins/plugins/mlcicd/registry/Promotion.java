package io.jenkins.plugins.mlcicd.registry;

import java.util.Objects;

/**
 * Who moves an alias and why; recorded with every alias move.
 *
 * @param actor       user or CI identity
 * @param reason      free text (e.g. "gate passed: auc +0.012")
 * @param sourceUrl   the build that moved it, or null
 * @param gateVerdict the verdict of the gate that allowed the move ({@code PASSED}, …), or null when no gate ran
 */
public record Promotion(String actor, String reason, String sourceUrl, String gateVerdict) {
    public Promotion {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank()) {
            // the alias history is an audit trail: "why" is the one thing it must always answer
            throw new RegistryException(RegistryException.Kind.INVALID, "reason: must not be empty; say why the alias moves");
        }
    }
}
