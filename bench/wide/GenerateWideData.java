import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Writes a seeded wide table for bench/wide (run with the mlcicd jar on the class path):
 * {@code wide.csv} and {@code wide.parquet} with COLUMNS columns and ROWS rows, a quarter each doubles,
 * integers, low-cardinality text and free text, and {@code reference.csv}, the same columns with shifted
 * values, and {@code contract.yaml}, a contract with a rule (type, bounds or domain, drift) for every column.
 * Values derive from a hash of (row, column), so the files are the same on every machine.
 */
public class GenerateWideData {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int columns = Integer.parseInt(args[1]);
        int rows = Integer.parseInt(args[2]);
        Files.createDirectories(out);
        write(out.resolve("wide.csv"), columns, rows, 0);
        write(out.resolve("reference.csv"), columns, rows, 7919);
        contract(out.resolve("contract.yaml"), columns);
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            st.execute("COPY (SELECT * FROM read_csv('" + out.resolve("wide.csv") + "', header = true, sample_size = -1)) TO '"
                    + out.resolve("wide.parquet") + "' (FORMAT parquet)");
        }
    }

    private static void write(Path file, int columns, int rows, int seed) throws Exception {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int c = 0; c < columns; c++) {
                w.write((c > 0 ? "," : "") + kind(c) + c);
            }
            w.write('\n');
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    if (c > 0) {
                        w.write(',');
                    }
                    long h = mix(r + seed, c);
                    if (h % 97 == 0) {
                        continue; // about 1% missing values
                    }
                    switch (c % 4) {
                        case 0 -> w.write(Double.toString(Math.round((h % 100000) / 10.0 + seed / 100.0) / 100.0));
                        case 1 -> w.write(Long.toString(h % 1000));
                        case 2 -> w.write("cat" + (h % 12));
                        default -> w.write("id" + Long.toString(h % 1000003, 36));
                    }
                }
                w.write('\n');
            }
        }
    }

    private static void contract(Path file, int columns) throws Exception {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("dataset: wide\nrows: {min: 1}\nextraColumns: fail\ncolumns:\n");
            for (int c = 0; c < columns; c++) {
                String name = kind(c) + c;
                w.write(switch (c % 4) {
                    case 0 -> "  - {name: " + name + ", type: double, min: 0, max: 1000, drift: {}}\n";
                    case 1 -> "  - {name: " + name + ", type: integer, min: 0, max: 999, maxNullFraction: 0.05, drift: {}}\n";
                    case 2 -> "  - {name: " + name + ", type: string, allowed: [cat0, cat1, cat2, cat3, cat4, cat5, cat6, cat7, cat8,"
                            + " cat9, cat10, cat11], drift: {}}\n";
                    default -> "  - {name: " + name + ", type: string, pattern: 'id[0-9a-z]+'}\n";
                });
            }
        }
    }

    private static String kind(int c) {
        return switch (c % 4) {
            case 0 -> "x";
            case 1 -> "n";
            case 2 -> "cat";
            default -> "text";
        };
    }

    private static long mix(long row, long column) {
        long z = row * 0x9E3779B97F4A7C15L + column * 0xC2B2AE3D27D4EB4FL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) & Long.MAX_VALUE;
    }
}
