package io.jenkins.plugins.mlcicd.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * One entry of an alias's audit history.
 *
 * @param timestamp   ISO-8601 instant of the move
 * @param alias       e.g. {@code champion}
 * @param fromVersion the version it pointed at before, null when it was new
 * @param toVersion   the version it points at now, null when it was removed
 * @param actor       who moved it
 * @param reason      why
 * @param sourceUrl   the build that moved it, or null
 * @param gateVerdict the gate verdict that allowed it, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AliasMove(String timestamp, String alias, Integer fromVersion, Integer toVersion, String actor, String reason,
        String sourceUrl, String gateVerdict) {
    public AliasMove {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(alias, "alias");
    }
}
