package io.jenkins.plugins.mlcicd.data;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.input.StructuredFiles;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A data contract (YAML or JSON, docs/data.md): expected row count, what to do with columns
 * the contract does not name, and per-column rules. Binding is strict: an unknown key is bad input
 * that names the key.
 *
 * @param dataset      a name for reports
 * @param rows         bounds on the number of rows, optional
 * @param extraColumns what an unlisted column in the data means; {@code warn} by default
 * @param columns      the column rules
 * @param driftShare   the dataset drift rule: the dataset has drifted when at least this share of the measured
 *                     columns drifted (Evidently's DataDriftPreset rule, 0.5 there); a column's drift is then a
 *                     warning unless its rule says {@code severity: failure}. Absent: every drifted column fails.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DataContract(String dataset, RowBounds rows, ExtraColumns extraColumns, List<ColumnRule> columns,
        Double driftShare) {

    public DataContract(String dataset, RowBounds rows, ExtraColumns extraColumns, List<ColumnRule> columns) {
        this(dataset, rows, extraColumns, columns, null);
    }

    public DataContract {
        columns = columns == null ? List.of() : List.copyOf(columns);
        extraColumns = extraColumns == null ? ExtraColumns.WARN : extraColumns;
    }

    /** @param min at least this many rows; @param max at most this many */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RowBounds(Long min, Long max) {
    }

    /** What a column the contract does not list means. */
    public enum ExtraColumns {
        FAIL, WARN, IGNORE;

        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static ExtraColumns of(String id) {
            for (ExtraColumns e : values()) {
                if (e.id().equals(id)) {
                    return e;
                }
            }
            throw new IllegalArgumentException("extraColumns must be one of fail, warn, ignore, was '" + id + "'");
        }
    }

    /**
     * @param method    the drift measure; chosen as Evidently does when absent
     * @param threshold drift when a distance reaches it or a p-value is at or below it; the method's default when absent
     * @param binning   how PSI and Jensen–Shannon bin a numeric column; {@link DriftBinning#DECILES} when absent
     * @param severity  what this column's drift makes its check; {@code warning} when the contract has a
     *                  {@code driftShare}, else {@code failure}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DriftRule(DriftMethod method, Double threshold, DriftBinning binning, Severity severity) {
        public DriftRule(DriftMethod method, Double threshold) {
            this(method, threshold, null, null);
        }

        /** The binning in force. */
        public DriftBinning binningOrDefault() {
            return binning == null ? DriftBinning.DECILES : binning;
        }
    }

    /** What a drifted column's check becomes. */
    public enum Severity {
        FAILURE, WARNING;

        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Severity of(String id) {
            for (Severity s : values()) {
                if (s.id().equals(id)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("drift.severity must be one of failure, warning, was '" + id + "'");
        }
    }

    /** The severity of {@code rule}'s drift under this contract. */
    public Severity driftSeverity(DriftRule rule) {
        if (rule != null && rule.severity() != null) {
            return rule.severity();
        }
        return driftShare == null ? Severity.FAILURE : Severity.WARNING;
    }

    /**
     * One column's rules; every rule is optional.
     *
     * @param name                  column name, exactly as in the data
     * @param type                  declared type; values that do not parse as it are {@code <col>.type} violations
     * @param nullable              false: no nulls allowed (same as maxNullFraction 0)
     * @param maxNullFraction       largest allowed fraction of nulls
     * @param min                   smallest allowed value (number, or ISO date/timestamp text)
     * @param max                   largest allowed value
     * @param allowed               the only allowed values
     * @param maxUnexpectedFraction largest allowed fraction of values outside {@code allowed}; 0 by default
     * @param pattern               regular expression every non-null value must match in full
     * @param unique                true: no value may occur twice
     * @param drift                 drift rule against the reference
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ColumnRule(
            String name,
            ColumnType type,
            Boolean nullable,
            Double maxNullFraction,
            JsonNode min,
            JsonNode max,
            List<JsonNode> allowed,
            Double maxUnexpectedFraction,
            String pattern,
            Boolean unique,
            DriftRule drift) {

        /** The largest allowed null fraction, or null when nulls are not checked. */
        public Double nullLimit() {
            if (maxNullFraction != null) {
                return maxNullFraction;
            }
            return Boolean.FALSE.equals(nullable) ? 0.0 : null;
        }

        public double unexpectedLimit() {
            return maxUnexpectedFraction == null ? 0.0 : maxUnexpectedFraction;
        }
    }

    /** Reads, binds and checks a contract file; every problem is a one-line {@link BadInputException}. */
    public static DataContract read(Path file) {
        DataContract contract = StructuredFiles.read(file, DataContract.class);
        contract.check(file.toString());
        return contract;
    }

    /** Parses contract text from {@code source} (its name decides JSON or YAML). */
    public static DataContract parse(String source, String text) {
        DataContract contract = StructuredFiles.parse(source, text, DataContract.class);
        contract.check(source);
        return contract;
    }

    /** The rule for a column, or null. */
    public ColumnRule column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    private void check(String source) {
        if (driftShare != null && !(driftShare > 0 && driftShare <= 1)) {
            throw new BadInputException(source + ": driftShare must be a share in (0, 1], was " + driftShare);
        }
        if (rows != null) {
            if (rows.min() != null && rows.min() < 0 || rows.max() != null && rows.max() < 0) {
                throw new BadInputException(source + ": rows: bounds must be >= 0");
            }
            if (rows.min() != null && rows.max() != null && rows.min() > rows.max()) {
                throw new BadInputException(source + ": rows: min " + rows.min() + " is above max " + rows.max());
            }
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < columns.size(); i++) {
            ColumnRule c = columns.get(i);
            String where = source + ": columns[" + i + "]";
            if (c == null) {
                throw new BadInputException(where + ": empty column entry");
            }
            if (c.name() == null || c.name().isBlank()) {
                throw new BadInputException(where + ": name is required");
            }
            where = source + ": columns[" + i + "] (" + c.name() + ")";
            if (!names.add(c.name())) {
                throw new BadInputException(where + ": column listed twice");
            }
            checkFraction(where, "maxNullFraction", c.maxNullFraction());
            checkFraction(where, "maxUnexpectedFraction", c.maxUnexpectedFraction());
            if (Boolean.FALSE.equals(c.nullable()) && c.maxNullFraction() != null && c.maxNullFraction() > 0) {
                throw new BadInputException(where + ": nullable: false contradicts maxNullFraction " + c.maxNullFraction());
            }
            checkBound(where, "min", c.min(), c.type());
            checkBound(where, "max", c.max(), c.type());
            if (c.min() != null && c.max() != null && c.min().isNumber() && c.max().isNumber()
                    && c.min().asDouble() > c.max().asDouble()) {
                throw new BadInputException(where + ": min " + c.min() + " is above max " + c.max());
            }
            if (c.allowed() != null) {
                if (c.allowed().isEmpty()) {
                    throw new BadInputException(where + ": allowed is empty: no value could pass");
                }
                for (JsonNode value : c.allowed()) {
                    if (value == null || !value.isValueNode() || value.isNull()) {
                        throw new BadInputException(where + ": allowed: values must be strings, numbers or booleans");
                    }
                }
            }
            if (c.pattern() != null) {
                ContractPatterns.check(where + ".pattern", c.pattern());
            }
            if (c.drift() != null) {
                checkDrift(where, c);
            }
        }
    }

    private static void checkDrift(String where, ColumnRule c) {
        DriftRule drift = c.drift();
        if (drift.method() != null && c.type() != null) {
            boolean numeric = c.type().isNumeric();
            if (c.type().isTemporal()) {
                throw new BadInputException(where + ": drift: not supported on " + c.type().id() + " columns");
            }
            if (!numeric && !drift.method().appliesToCategorical()) {
                throw new BadInputException(where + ": drift: method " + drift.method().id()
                        + " needs a numeric column, but type is " + c.type().id());
            }
        }
        if (drift.binning() != null && drift.method() != null && drift.method() != DriftMethod.PSI
                && drift.method() != DriftMethod.JENSEN_SHANNON) {
            throw new BadInputException(where + ": drift.binning applies to psi and jensen_shannon only, not "
                    + drift.method().id());
        }
        if (drift.threshold() != null && !(Double.isFinite(drift.threshold()) && drift.threshold() >= 0)) {
            throw new BadInputException(where + ": drift.threshold must be a finite number >= 0");
        }
        if (drift.method() != null && drift.method().isPValue() && drift.threshold() != null && drift.threshold() > 1) {
            throw new BadInputException(where + ": drift.threshold of " + drift.method().id() + " is a p-value and must be <= 1");
        }
        if (drift.method() == DriftMethod.WASSERSTEIN && drift.threshold() == null) {
            throw new BadInputException(where + ": drift.threshold is required for method wasserstein (it has the column's unit)");
        }
    }

    private static void checkFraction(String where, String key, Double value) {
        if (value != null && !(value >= 0 && value <= 1)) {
            throw new BadInputException(where + ": " + key + " must be between 0 and 1, was " + value);
        }
    }

    private static void checkBound(String where, String key, JsonNode bound, ColumnType type) {
        if (bound == null || bound.isNull()) {
            return;
        }
        if (bound.isNumber()) {
            if (!Double.isFinite(bound.asDouble())) {
                throw new BadInputException(where + ": " + key + " is not a finite number: " + bound);
            }
            if (type != null && !type.isNumeric()) {
                throw new BadInputException(where + ": " + key + " is a number but the column type is " + type.id());
            }
            return;
        }
        if (bound.isTextual()) {
            if (type == null || type.isNumeric() || type == ColumnType.BOOLEAN) {
                throw new BadInputException(where + ": " + key + " '" + bound.asText()
                        + "' must be a number (text bounds need type date, timestamp or string)");
            }
            return;
        }
        throw new BadInputException(where + ": " + key + " must be a number or a date/timestamp text");
    }
}
