package io.jenkins.plugins.mlcicd.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What Spark SQL needs spelled differently, and the parts of the Spark source that need no server. */
class SparkDialectTest {
    private final SparkDialect spark = SparkDialect.INSTANCE;

    @Test
    void identifiersUseBackticksAndStringsEscapeBackslashesWhichSparkUnescapes() {
        assertThat(spark.identifier("a`b")).isEqualTo("`a``b`");
        assertThat(spark.string("it's \\d")).isEqualTo("'it\\'s \\\\d'");
        assertThat(spark.fullMatch("x", "[a-z]\\d+")).isEqualTo("(x RLIKE '^(?:[a-z]\\\\d+)$')");
    }

    @Test
    void skewsNullSafeInequalityAndFirstRowPerKeyInStandardSqlWhileDuckDbKeepsQualify() throws SQLException {
        assertThat(spark.differs("t.a", "s.a")).isEqualTo("NOT (t.a <=> s.a)");
        assertThat(DuckDbDialect.INSTANCE.differs("t.a", "s.a")).isEqualTo("t.a IS DISTINCT FROM s.a");
        assertThat(DuckDbDialect.INSTANCE.firstRowPerKey("*", "x", "k", "rowid"))
                .isEqualTo("(SELECT *, rowid AS __rid FROM x QUALIFY row_number() OVER (PARTITION BY k ORDER BY rowid) = 1)");
        // The standard form Spark gets keeps, per key, the row first in the order given (here run in DuckDB).
        String first = spark.firstRowPerKey("k AS __k, v AS __f0", "(VALUES (1, 'a', 2), (1, 'b', 1), (2, 'c', 3)) x(k, v, o)",
                "k", "o");
        List<String> kept = new ArrayList<>();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
                java.sql.Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT __k, __f0, __rid FROM " + first + " t ORDER BY __k")) {
            while (rs.next()) {
                kept.add(rs.getInt(1) + rs.getString(2) + rs.getInt(3));
            }
        }
        assertThat(kept).containsExactly("1b1", "2c3");
    }

    @Test
    void textParsesOnlyInTheTypesLexicalFormThenThroughTryCast() {
        String integer = spark.parse("t", ColumnType.INTEGER);
        assertThat(integer).startsWith("CASE WHEN lower(t) RLIKE '^\\\\s*[-+]?[0-9]+\\\\s*$' THEN try_cast(trim(t) AS BIGINT)");
        assertThat(spark.parse("t", ColumnType.DOUBLE)).contains("CAST('Infinity' AS DOUBLE)").contains("LIKE '%inf%'");
        assertThat(spark.parse("t", ColumnType.STRING)).isEqualTo("t");
        assertThat(spark.typeName(ColumnType.TIMESTAMP)).isEqualTo("TIMESTAMP_NTZ");
        assertThat(spark.number(0.1)).isEqualTo("CAST(0.1 AS DOUBLE)");
    }

    @Test
    void sparkResultsAreReadThroughTheResultSetGettersTheChecksUse() throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {5L, null, "x", new java.math.BigDecimal("2.50"), true, 3});
        ResultSet rs = SparkRows.of(rows);
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(5L);
        assertThat(rs.wasNull()).isFalse();
        assertThat(rs.getDouble(2)).isZero();
        assertThat(rs.wasNull()).isTrue();
        assertThat(rs.getString(3)).isEqualTo("x");
        assertThat(rs.getDouble(4)).isEqualTo(2.5);
        assertThat(rs.getString(4)).isEqualTo("2.50");
        assertThat(rs.getBoolean(5)).isTrue();
        assertThat(rs.getInt(6)).isEqualTo(3);
        assertThatThrownBy(() -> rs.getString("name")).isInstanceOf(SQLException.class).hasMessageContaining("not answered");
        assertThat(rs.next()).isFalse();
    }

    @Test
    void aTokenInTheUrlIsRefusedAndNeverRepeated() {
        DataSource.Spark source = new DataSource.Spark("sc://h:1/;token=s3cret", "t", null, null, null);
        assertThat(source.describe()).doesNotContain("s3cret").contains("token=***");
        assertThatThrownBy(() -> SparkConnection.open(source, Map.of()))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("MLCICD_SPARK_TOKEN")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void anUnreachableServerIsOneLineNotARetryLoop() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        long start = System.nanoTime();
        DataSource.Spark source = new DataSource.Spark("sc://127.0.0.1:" + port, null, "SELECT 1", null, null);
        assertThatThrownBy(() -> SparkConnection.open(source, Map.of()))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("sc://127.0.0.1:" + port + ": cannot connect to 127.0.0.1:" + port);
        assertThat(System.nanoTime() - start).isLessThan(15_000_000_000L);
    }

    @Test
    void urlsAndSourcesAreCheckedBeforeConnecting() {
        assertThat(SparkConnection.endpoint("sc://localhost").port()).isEqualTo(SparkConnection.DEFAULT_PORT);
        assertThat(SparkConnection.endpoint("sc://127.0.0.1:15003/;use_ssl=true").loopback()).isTrue();
        assertThatThrownBy(() -> SparkConnection.endpoint("http://h:1")).hasMessageContaining("sc://");
        assertThatThrownBy(() -> new DataSource.Spark("sc://h", "t", "SELECT 1", null, null))
                .hasMessage("--spark needs exactly one of --table, --query and --data");
        assertThat(new DataSource.Spark("sc://h", "t", null, null, null).withPath("s3a://b/x/").describe()).isEqualTo("sc://h s3a://b/x/");
        assertThat(SparkTables.sparkFormat("s3a://b/day=1/")).isEqualTo("parquet");
        assertThat(SparkTables.sparkFormat("x/part-1.csv")).isEqualTo("csv");
        assertThat(SparkTables.sparkFormat("x.jsonl")).isEqualTo("json");
    }

    @Test
    void sparkErrorsLoseGrpcClassNamesAndSqlStates() {
        RuntimeException e = new RuntimeException("org.sparkproject.io.grpc.StatusRuntimeException: UNAUTHENTICATED: Invalid token s3cr3t");
        assertThat(SparkConnection.message(e, "s3cr3t")).isEqualTo("UNAUTHENTICATED: Invalid token ***");
        List<String> lines = new ArrayList<>();
        lines.add(SparkConnection.message(new RuntimeException("\n[PARSE_SYNTAX_ERROR] Syntax error at or near 'SELEC'. SQLSTATE: 42601 (line 1, pos 0)\n\n== SQL ==\n"), null));
        assertThat(lines).containsExactly("[PARSE_SYNTAX_ERROR] Syntax error at or near 'SELEC'. (line 1, pos 0)");
    }
}
