import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Writes the seeded benchmark data of bench/validate with DuckDB (run with the mlcicd jar on the class
 * path): current.csv/current.parquet (ROWS rows, 12 columns of mixed types, a few contract
 * violations) and reference.csv (REF_ROWS rows, slightly shifted distributions). Values derive from
 * hash(row, column), so the files are the same on every machine and for any thread count.
 */
public class GenerateValidateData {
    public static void main(String[] args) throws Exception {
        String out = args[0];
        long rows = Long.parseLong(args[1]);
        long refRows = Long.parseLong(args[2]);
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            st.execute("SET preserve_insertion_order = true");
            st.execute("CREATE MACRO u(i, k) AS (hash(i * 31 + k) % 1000000007) / 1000000007.0");
            st.execute("CREATE MACRO normal(i, k) AS sqrt(-2 * ln(greatest(u(i, k), 1e-12))) * cos(2 * pi() * u(i, k + 1000))");
            String select = """
                SELECT i AS id,
                  round(exp(3 + normal(i, 1) * SHIFT_SCALE), 2) AS amount,
                  (['US','DE','FR','GB','ES','IT'])[1 + CAST(floor(u(i, 2) * u(i, 2) * 6) AS INTEGER)] AS country,
                  'user' || (i % 100003) || '@example.com' AS email,
                  TIMESTAMP '2024-01-01' + to_seconds(CAST(floor(u(i, 3) * 31536000) AS BIGINT)) AS ts,
                  18 + CAST(floor(u(i, 4) * 70) AS INTEGER) AS age,
                  round(normal(i, 5) * 10 + 50 + SHIFT, 4) AS score,
                  u(i, 6) < 0.3 AS flag,
                  'cat' || CAST(floor(u(i, 7) * 20) AS INTEGER) AS category,
                  CAST(floor(u(i, 8) * 10) AS INTEGER) + 1 AS qty,
                  round(u(i, 9) * 500, 2) AS price,
                  DATE '2024-01-01' + CAST(floor(u(i, 10) * 366) AS INTEGER) AS day
                FROM range(1, ROWS + 1) t(i)""";
            String current = select.replace("SHIFT_SCALE", "0.8").replace("SHIFT", "1.0").replace("ROWS", Long.toString(rows));
            String reference = select.replace("SHIFT_SCALE", "0.8").replace("SHIFT", "0.0").replace("ROWS", Long.toString(refRows))
                    .replace("u(i, ", "u(i + 7919, ").replace("normal(i, ", "normal(i + 7919, ");
            st.execute("CREATE TABLE current AS " + current);
            // a few violations the contract must find, with their rows
            st.execute("UPDATE current SET amount = -1 WHERE id % 1000003 = 0");
            st.execute("UPDATE current SET country = 'XX' WHERE id % 2000003 = 0");
            st.execute("COPY current TO '" + out + "/current.csv' (HEADER)");
            st.execute("COPY current TO '" + out + "/current.parquet' (FORMAT parquet)");
            st.execute("COPY (" + reference + ") TO '" + out + "/reference.csv' (HEADER)");
        }
    }
}
