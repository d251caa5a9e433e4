package io.jenkins.plugins.mlcicd.data;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The column types a data contract can declare, with the SQL type each one is checked as. */
public enum ColumnType {
    INTEGER("BIGINT"),
    DOUBLE("DOUBLE"),
    STRING("VARCHAR"),
    BOOLEAN("BOOLEAN"),
    DATE("DATE"),
    TIMESTAMP("TIMESTAMP");

    private final String duckDbType;

    ColumnType(String duckDbType) {
        this.duckDbType = duckDbType;
    }

    /** The type name in DuckDB SQL. */
    public String duckDbType() {
        return duckDbType;
    }

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Numbers: ranges, means, quantiles and the numeric drift methods apply. */
    public boolean isNumeric() {
        return this == INTEGER || this == DOUBLE;
    }

    /** Ordered but not numeric: ranges apply, drift does not. */
    public boolean isTemporal() {
        return this == DATE || this == TIMESTAMP;
    }

    @JsonCreator
    public static ColumnType of(String id) {
        return Arrays.stream(values())
                .filter(t -> t.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown column type '" + id + "' (expected one of "
                        + Arrays.stream(values()).map(ColumnType::id).collect(Collectors.joining(", ")) + ")"));
    }

    /** What a column of a database or file type holds, for profiling and contract inference. */
    public static ColumnType fromSqlType(String sqlType) {
        String t = sqlType.toUpperCase(Locale.ROOT).replaceAll("\\(.*", "").strip();
        return switch (t) {
            case "TINYINT", "SMALLINT", "INTEGER", "INT", "INT2", "INT4", "INT8", "BIGINT", "HUGEINT", "UTINYINT",
                    "USMALLINT", "UINTEGER", "UBIGINT", "SERIAL", "BIGSERIAL", "SMALLSERIAL" -> INTEGER;
            case "FLOAT", "FLOAT4", "FLOAT8", "REAL", "DOUBLE", "DOUBLE PRECISION", "DECIMAL", "NUMERIC" -> DOUBLE;
            case "BOOLEAN", "BOOL" -> BOOLEAN;
            case "DATE" -> DATE;
            default -> t.startsWith("TIMESTAMP") ? TIMESTAMP : STRING;
        };
    }
}
