import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** java -cp engine/target/mlcicd.jar MakeData.java ROWS SEED OUT.parquet — transactions-like Parquet data via DuckDB. */
public class MakeData {
    public static void main(String[] args) throws Exception {
        long rows = Long.parseLong(args[0]);
        int seed = Integer.parseInt(args[1]);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("SELECT setseed(0." + seed + ")");
            st.execute("COPY (SELECT g AS id, round(exp(random() * 8), 2) AS amount, CAST(floor(random() * 24) AS BIGINT) AS hour,"
                    + " round(random(), 4) AS merchant_risk, CASE WHEN random() < 0.01 THEN NULL ELSE round(random() * 200, 1) END AS distance_km,"
                    + " CAST(floor(random() * 10) AS BIGINT) AS txn_24h, CAST(random() < 0.2 AS INTEGER) AS foreign_txn,"
                    + " ['US', 'DE', 'FR', 'GB', 'IN'][CAST(floor(random() * 5) AS INTEGER) + 1] AS country,"
                    + " CAST(random() < 0.05 AS INTEGER) AS y, round(random(), 3) AS p"
                    + " FROM range(" + rows + ") t(g)) TO '" + args[2] + "' (FORMAT PARQUET)");
        }
    }
}
