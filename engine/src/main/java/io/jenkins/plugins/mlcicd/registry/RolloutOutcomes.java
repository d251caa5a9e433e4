package io.jenkins.plugins.mlcicd.registry;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a finished canary rollout records in the model registry, with the registry's own means (aliases
 * and their audited moves), so that it works the same with the file registry and MLflow:
 * <ul>
 *   <li>promoted: alias {@value #PRODUCTION} moves to the version;</li>
 *   <li>rolled back: alias {@value #ROLLED_BACK} moves to the version, the move recording the reason.
 *       The alias points at the last version rolled back; every version ever rolled back, each with
 *       its reason, is in the alias's history ({@link #rolledBackVersions}). {@code production} is not
 *       touched: it still names the version that served before the canary.</li>
 * </ul>
 */
public final class RolloutOutcomes {
    public static final String PRODUCTION = "production";
    public static final String ROLLED_BACK = "rolled-back";

    private RolloutOutcomes() {
    }

    /** Moves {@value #PRODUCTION} to the promoted version. */
    public static AliasMove promoted(ModelRegistry registry, String name, int version, Promotion why) {
        return registry.setAlias(name, PRODUCTION, version, why);
    }

    /** Marks the version rolled back; {@code why.reason()} should say what breached. */
    public static AliasMove rolledBack(ModelRegistry registry, String name, int version, Promotion why) {
        return registry.setAlias(name, ROLLED_BACK, version, why);
    }

    /** Every version that was ever marked rolled back, in the order it happened. */
    public static Set<Integer> rolledBackVersions(ModelRegistry registry, String name) {
        Set<Integer> versions = new LinkedHashSet<>();
        for (AliasMove move : registry.history(name)) {
            if (ROLLED_BACK.equals(move.alias()) && move.toVersion() != null) {
                versions.add(move.toVersion());
            }
        }
        return versions;
    }

    /** The reason recorded when the version was last marked rolled back, or null when it never was. */
    public static String rollbackReason(ModelRegistry registry, String name, int version) {
        String reason = null;
        for (AliasMove move : registry.history(name)) {
            if (ROLLED_BACK.equals(move.alias()) && Objects.equals(move.toVersion(), version)) {
                reason = move.reason();
            }
        }
        return reason;
    }
}
