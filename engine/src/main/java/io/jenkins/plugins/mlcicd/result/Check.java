package io.jenkins.plugins.mlcicd.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.Objects;

/**
 * One line of a result document: what a human reads first and what a gate consumes.
 *
 * @param name      stable identifier, e.g. {@code auc}, {@code amount.nulls}, {@code auc[country=DE]}
 * @param verdict   outcome of this check
 * @param value     observed value, absent when it could not be computed
 * @param baseline  value it was compared with, when there was one
 * @param delta     value minus baseline, when both exist
 * @param threshold the bound as a human reads it, e.g. {@code ≥ 0.80} or {@code [0.98, 1.02]}
 * @param message   one sentence that explains the verdict
 * @param details   kind-specific extras (slice, counts, offending samples), never null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Check(
        String name,
        Verdict verdict,
        Double value,
        Double baseline,
        Double delta,
        String threshold,
        String message,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> details) {

    public Check {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(message, "message");
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public static Check of(String name, Verdict verdict, Double value, String threshold, String message) {
        return new Check(name, verdict, value, null, null, threshold, message, Map.of());
    }
}
