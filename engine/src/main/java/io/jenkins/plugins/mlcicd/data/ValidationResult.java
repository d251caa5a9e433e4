package io.jenkins.plugins.mlcicd.data;

import io.jenkins.plugins.mlcicd.result.ResultDocument;

/**
 * @param document       the data-validation result document
 * @param currentProfile the validated data's profile when it was asked for, else null
 */
public record ValidationResult(ResultDocument document, DataProfile currentProfile) {
}
