package io.jenkins.plugins.mlcicd.jenkins.data;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * The parameters of {@code mlDataValidate} that are its own, as either front end received them.
 *
 * @param contract  workspace path of the data contract (YAML or JSON)
 * @param data      workspace path of the data: a CSV, Parquet or JSON Lines file, a directory of them, or a glob
 * @param reference what drift is measured against: null (none: drift checks are inconclusive),
 *                  {@link #LAST_SUCCESSFUL} (the profile kept by an earlier build), or a workspace path of
 *                  reference data
 * @param csv       how CSV data and CSV reference data are written
 */
public record DataValidateRequest(String contract, String data, String reference, CsvFormat csv) {
    /** The profile kept by the last earlier successful build of the job whose validation with the same id did not fail. */
    public static final String LAST_SUCCESSFUL = "lastSuccessful";

    public DataValidateRequest {
        contract = trimmed(contract);
        data = trimmed(data);
        reference = trimmed(reference);
        csv = csv == null ? CsvFormat.DEFAULT : csv;
    }

    public DataValidateRequest(String contract, String data, String reference) {
        this(contract, data, reference, CsvFormat.DEFAULT);
    }

    static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public boolean usesLastSuccessful() {
        return LAST_SUCCESSFUL.equals(reference);
    }

    /** A reference given as data in the workspace, or null. */
    public String referenceData() {
        return reference == null || usesLastSuccessful() ? null : reference;
    }

    /** Checks that the required parameters are there; returns this. */
    public DataValidateRequest validated(String functionName) {
        if (contract == null) {
            throw new BadInputException(functionName + ": contract: required (workspace path of the data contract, e.g. 'ml/contract.yaml')");
        }
        if (data == null) {
            throw new BadInputException(functionName + ": data: required (workspace path of a CSV, Parquet or JSON Lines file, a directory or a glob)");
        }
        csv.validated(functionName);
        return this;
    }

    /**
     * The {@code mlcicd validate} arguments (the engine's CLI is the request format). Options are
     * written {@code --name=value}, so that a path starting with {@code -} stays a value.
     *
     * @param referenceProfile the agent path of the reference profile copied from an earlier build, or null
     * @param profileOut       the agent path where the validated data's profile is written
     */
    public List<String> cliArguments(String referenceProfile, String profileOut) {
        List<String> args = new ArrayList<>(List.of("validate", "--contract=" + contract, "--data=" + data));
        if (referenceData() != null) {
            args.add("--reference=" + referenceData());
        } else if (referenceProfile != null) {
            args.add("--reference-profile=" + referenceProfile);
        }
        args.addAll(csv.cliArguments());
        args.add("--profile-out=" + profileOut);
        return args;
    }
}
