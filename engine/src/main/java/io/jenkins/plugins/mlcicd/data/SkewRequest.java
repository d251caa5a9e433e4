package io.jenkins.plugins.mlcicd.data;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import java.util.List;
import java.util.Objects;

/**
 * Training–serving skew: the same examples as logged at training and at serving time, joined on a key.
 *
 * @param training            the training-time dataset
 * @param serving             the serving-time dataset
 * @param key                 the column identifying an example on both sides
 * @param features            the features to compare; all common columns but the key when empty
 * @param tolerance           numbers differ when |a − b| &gt; tolerance · max(|a|, |b|)
 * @param maxMismatchFraction a feature fails when more than this fraction of joined rows differ
 */
public record SkewRequest(DataSource training, DataSource serving, String key, List<String> features, double tolerance,
        double maxMismatchFraction) {
    public SkewRequest {
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(serving, "serving");
        if (key == null || key.isBlank()) {
            throw new BadInputException("--key is required");
        }
        features = features == null ? List.of() : List.copyOf(features);
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new BadInputException("--tolerance must be a finite number >= 0");
        }
        if (!(maxMismatchFraction >= 0 && maxMismatchFraction <= 1)) {
            throw new BadInputException("--max-mismatch-fraction must be between 0 and 1");
        }
    }
}
