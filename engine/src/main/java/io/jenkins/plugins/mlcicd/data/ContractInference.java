package io.jenkins.plugins.mlcicd.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.jenkins.plugins.mlcicd.input.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A starting contract from a reference dataset, as TFDV's {@code infer_schema} does: types, whether a
 * column may be null, observed ranges, the domain of low-cardinality text columns, uniqueness of
 * identifier-like columns and a default drift rule for the others. A human edits it afterwards.
 */
public final class ContractInference {
    /** Text columns with at most this many distinct values get an {@code allowed} list. */
    static final int MAX_DOMAIN = 20;

    private ContractInference() {
    }

    public static DataContract infer(DataSource source, java.util.Map<String, String> environment) {
        try (DataSession session = new DataSession(environment)) {
            DataTable table = session.open(source, "reference", TypePlan.inferred());
            DataProfile profile = Profiler.profile(table, java.time.Instant.now());
            List<DataContract.ColumnRule> rules = new ArrayList<>();
            for (ColumnProfile c : profile.columns()) {
                rules.add(rule(table, c));
            }
            String name = source instanceof DataSource.Files f ? f.path().getFileName().toString() : source.describe();
            return new DataContract(name.replaceAll("\\.[A-Za-z0-9]+$", ""),
                    new DataContract.RowBounds(1L, null), DataContract.ExtraColumns.WARN, rules);
        }
    }

    private static DataContract.ColumnRule rule(DataTable table, ColumnProfile c) {
        Boolean nullable = c.nulls() == 0 && c.invalid() == 0 ? Boolean.FALSE : null;
        Double maxNullFraction = nullable == null && c.rows() > 0 ? roundUp((double) (c.nulls() + c.invalid()) / c.rows()) : null;
        JsonNode min = null;
        JsonNode max = null;
        List<JsonNode> allowed = null;
        boolean unique = false;
        if (c.type().isNumeric() && c.min() != null) {
            min = number(c.type(), c.min());
            max = number(c.type(), c.max());
        } else if (c.type().isTemporal() && c.minText() != null) {
            min = JsonNodeFactory.instance.textNode(c.minText());
            max = JsonNodeFactory.instance.textNode(c.maxText());
        }
        if (c.type() == ColumnType.STRING && c.distribution() != null && c.distribution().categories() != null
                && c.distribution().categories().size() <= MAX_DOMAIN
                && (c.distribution().otherCount() == null || c.distribution().otherCount() == 0)
                && c.count() > 2L * c.distribution().categories().size()) {
            allowed = c.distribution().categories().stream()
                    .map(vc -> (JsonNode) JsonNodeFactory.instance.textNode(vc.value()))
                    .toList();
        }
        if ((c.type() == ColumnType.INTEGER || c.type() == ColumnType.STRING) && c.count() > 1 && c.distinct() != null
                && c.distinct() >= 0.97 * c.count()) {
            DataTable.Column column = table.column(c.name());
            unique = table.queryOne("SELECT COUNT(" + column.value() + ") = COUNT(DISTINCT " + column.value() + ") FROM "
                    + table.from(column), rs -> rs.getBoolean(1));
        }
        boolean categoricalLike = c.type().isNumeric() || c.distinct() != null && c.distinct() <= 100
                && c.distinct() * 2 < c.count();
        DataContract.DriftRule drift = unique || c.type().isTemporal() || c.count() == 0 || !categoricalLike ? null
                : new DataContract.DriftRule(null, null);
        return new DataContract.ColumnRule(c.name(), c.type(), nullable, maxNullFraction, min, max, allowed, null, null,
                unique ? Boolean.TRUE : null, drift);
    }

    private static JsonNode number(ColumnType type, double value) {
        if (type == ColumnType.INTEGER && Math.abs(value) < 9e15) {
            return JsonNodeFactory.instance.numberNode((long) value);
        }
        return JsonNodeFactory.instance.numberNode(value);
    }

    /** Observed fraction rounded up to two significant digits, so the data it came from passes. */
    private static double roundUp(double fraction) {
        if (fraction == 0) {
            return 0;
        }
        BigDecimal d = new BigDecimal(fraction);
        int scale = 2 - (d.precision() - d.scale());
        return Math.min(1.0, d.setScale(Math.max(scale, 2), RoundingMode.CEILING).doubleValue());
    }

    /** The contract as YAML that {@link DataContract#parse} reads back. */
    public static String toYaml(DataContract contract) {
        try {
            return Json.yamlMapper().writeValueAsString(contract);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write contract", e);
        }
    }
}
