package io.jenkins.plugins.mlcicd.jenkins.data;

import io.jenkins.plugins.mlcicd.jenkins.common.DatabaseSource;
import io.jenkins.plugins.mlcicd.jenkins.common.SparkSource;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * The parameters of {@code mlDataValidate} that are its own, as either front end received them.
 *
 * @param contract  workspace path of the data contract (YAML or JSON)
 * @param data      workspace path of the data: a CSV, Parquet or JSON Lines file, a directory of them, or a glob;
 *                  null when the data is in a database
 * @param database  the table or query in a database the data is read from instead, or null
 * @param reference what drift is measured against: null (none: drift checks are inconclusive),
 *                  {@link #LAST_SUCCESSFUL} (the profile kept by an earlier build), or a workspace path of
 *                  reference data (also for data from a database)
 * @param csv       how CSV data and CSV reference data are written
 * @param spark     the Spark cluster the data is validated in instead (a table, a query or a path it reads; then a
 *                  reference path is read by the cluster too), or null
 */
public record DataValidateRequest(String contract, String data, DatabaseSource database, String reference, CsvFormat csv,
                                  SparkSource spark) {
    /** The profile kept by the last earlier successful build of the job whose validation with the same id did not fail. */
    public static final String LAST_SUCCESSFUL = "lastSuccessful";

    public DataValidateRequest {
        contract = trimmed(contract);
        data = trimmed(data);
        database = database == null ? null
                : DatabaseSource.of(database.url(), database.table(), database.query(), database.credentialsId());
        reference = trimmed(reference);
        csv = csv == null ? CsvFormat.DEFAULT : csv;
        spark = spark == null ? null : SparkSource.of(spark.url(), spark.table(), spark.query(), spark.path(), spark.credentialsId());
    }

    /** Data in the workspace or a database. */
    public DataValidateRequest(String contract, String data, DatabaseSource database, String reference, CsvFormat csv) {
        this(contract, data, database, reference, csv, null);
    }

    /** Data in the workspace. */
    public DataValidateRequest(String contract, String data, String reference, CsvFormat csv) {
        this(contract, data, null, reference, csv);
    }

    /** Data in the workspace, CSV as the engine reads it by default. */
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

    /** What was validated, for the build page: the workspace path, or the database table or query (no login). */
    public String describeData() {
        return spark != null ? spark.describe() : database != null ? database.describe() : data;
    }

    /** Checks that the required parameters are there; returns this. */
    public DataValidateRequest validated(String functionName) {
        if (contract == null) {
            throw new BadInputException(functionName + ": contract: required (workspace path of the data contract, e.g. 'ml/contract.yaml')");
        }
        if (spark != null) {
            if (database != null && database.url() != null) {
                throw new BadInputException(functionName + ": give either spark (a Spark cluster) or jdbc (a database), not both");
            }
            spark.validated(functionName);
            csv.validated(functionName);
            return this;
        }
        if (data != null && database != null && database.url() != null) {
            throw new BadInputException(functionName + ": give either data (a workspace path) or jdbc (a database), not both");
        }
        if (data == null && database == null) {
            throw new BadInputException(functionName + ": data or jdbc: required (data: workspace path of a CSV, Parquet or "
                    + "JSON Lines file, a directory or a glob; jdbc: a JDBC URL with table or query)");
        }
        if (database != null) {
            database.validated(functionName);
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
        List<String> args = new ArrayList<>(List.of("validate", "--contract=" + contract));
        if (spark != null) {
            args.addAll(spark.cliArguments());
        } else if (database != null) {
            args.addAll(database.cliArguments());
        } else {
            args.add("--data=" + data);
        }
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
