package io.jenkins.plugins.mlcicd.data;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import java.util.Objects;

/**
 * What to validate: the data against the contract, and drift against a reference given either as
 * data or as a stored profile (never both).
 *
 * @param contract         the contract
 * @param contractSource   where the contract came from (for the report)
 * @param data             the dataset to validate
 * @param referenceData    reference dataset, or null
 * @param referenceProfile reference profile (e.g. kept with an earlier build), or null
 * @param profileCurrent   also profile the validated data, so it can be kept as a later reference
 */
public record ValidationRequest(
        DataContract contract,
        String contractSource,
        DataSource data,
        DataSource referenceData,
        DataProfile referenceProfile,
        boolean profileCurrent) {

    public ValidationRequest {
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(data, "data");
        if (referenceData != null && referenceProfile != null) {
            throw new BadInputException("give either reference data or a reference profile, not both");
        }
    }

    public boolean hasReference() {
        return referenceData != null || referenceProfile != null;
    }
}
