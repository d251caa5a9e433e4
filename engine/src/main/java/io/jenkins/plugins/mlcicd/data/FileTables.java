package io.jenkins.plugins.mlcicd.data;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Files as SQL tables through embedded DuckDB: the one place that knows how a CSV, Parquet or
 * JSON Lines file (or a glob of them) becomes a {@code FROM} expression.
 */
public final class FileTables {
    /** File formats DuckDB reads for us, chosen by extension. */
    public enum Format {
        CSV, PARQUET, JSON_LINES;

        public static Format of(String path) {
            String name = path.toLowerCase(Locale.ROOT);
            if (name.endsWith(".gz") || name.endsWith(".zst")) {
                name = name.substring(0, name.lastIndexOf('.'));
            }
            if (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt")) {
                return CSV;
            }
            if (name.endsWith(".parquet") || name.endsWith(".pq")) {
                return PARQUET;
            }
            if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
                return JSON_LINES;
            }
            throw new BadInputException(path + ": unknown file type (expected .csv, .tsv, .parquet, .jsonl or .json)");
        }
    }

    private FileTables() {
    }

    /** A fresh in-memory DuckDB database; close it when done. */
    public static Connection openDuckDb() {
        try {
            return DriverManager.getConnection("jdbc:duckdb:");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start embedded DuckDB: " + e.getMessage(), e);
        }
    }

    /**
     * The table function that scans {@code path}: a file, a glob ({@code data/*.parquet}) or a
     * directory (all files of the format of its first file). Fails with a clear message when
     * nothing matches.
     */
    public static String scan(Path path) {
        String location = path.toString();
        if (Files.isDirectory(path)) {
            location = directoryGlob(path);
        } else if (!isGlob(location) && !Files.exists(path)) {
            throw new BadInputException(location + ": file not found");
        }
        String literal = sqlString(location);
        return switch (Format.of(location)) {
            case CSV -> "read_csv(" + literal + ", header = true, auto_detect = true)";
            case PARQUET -> "read_parquet(" + literal + ")";
            case JSON_LINES -> "read_json(" + literal + ", format = 'newline_delimited')";
        };
    }

    /**
     * Like {@link #scan} but CSV columns are read as the text written, not as the sniffer's guess
     * (which turns {@code yes}/{@code no} or {@code T}/{@code F} into booleans); for checking a value domain.
     */
    public static String textScan(Path path) {
        String scan = scan(path);
        return scan.endsWith(", header = true, auto_detect = true)")
                ? scan.substring(0, scan.length() - 1) + ", all_varchar = true)" : scan;
    }

    /**
     * Where DuckDB should read: the file itself, a glob, or for a directory the glob of all its files
     * of the format of its first file. Fails with a clear message when a named file does not exist.
     */
    public static String location(Path path) {
        String location = path.toString();
        if (Files.isDirectory(path)) {
            return directoryGlob(path);
        }
        if (!isGlob(location) && !Files.exists(path)) {
            throw new BadInputException(location + ": file not found");
        }
        return location;
    }

    /** The files a location stands for, sorted; a glob that matches nothing is bad input. */
    public static List<Path> files(Connection duckDb, String location) {
        if (!isGlob(location)) {
            return List.of(Path.of(location));
        }
        List<Path> files = new ArrayList<>();
        try (Statement st = duckDb.createStatement();
                ResultSet rs = st.executeQuery("SELECT file FROM glob(" + sqlString(location) + ") ORDER BY file")) {
            while (rs.next()) {
                files.add(Path.of(rs.getString(1)));
            }
        } catch (SQLException e) {
            throw new BadInputException(location + ": cannot list files: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (files.isEmpty()) {
            throw new BadInputException(location + ": no files match");
        }
        return files;
    }

    /**
     * Scans CSV with an explicit dialect and every column as text, so that a value that does not fit
     * the declared type is seen (and reported with its row), and a ragged row or broken quoting is an
     * error with its line number rather than a re-guessed delimiter.
     */
    public static String csvScan(String location, CsvOptions options, List<String> columnNames, boolean withFileName) {
        String columns = columnNames.stream()
                .map(name -> sqlString(name) + ": 'VARCHAR'")
                .collect(Collectors.joining(", ", "{", "}"));
        return "read_csv(" + sqlString(location) + ", columns = " + columns
                + ", header = " + options.header()
                + ", auto_detect = false, strict_mode = true, null_padding = false"
                + ", delim = " + sqlString(String.valueOf(options.delimiter()))
                + ", quote = " + sqlString(String.valueOf(options.quote()))
                + ", escape = " + sqlString(String.valueOf(options.quote()))
                + (withFileName ? ", filename = true" : "") + ")";
    }

    /**
     * What DuckDB's sniffer thinks the column types are (a guess, for profiles and inferred contracts). The escape is
     * the one {@link #csvScan} reads with: left open, the sniffer tries every candidate on every column of its sample,
     * which took 24 s on a 3,000-column file (3 s with it given).
     */
    public static String csvSniffScan(String location, CsvOptions options) {
        return "read_csv(" + sqlString(location) + ", header = " + options.header()
                + ", delim = " + sqlString(String.valueOf(options.delimiter()))
                + ", quote = " + sqlString(String.valueOf(options.quote()))
                + ", escape = " + sqlString(String.valueOf(options.quote())) + ", auto_detect = true)";
    }

    /** The Parquet or JSON Lines scan of a location, optionally with the source file of each row. */
    public static String nativeScan(String location, boolean withFileName) {
        String literal = sqlString(location);
        String file = withFileName ? ", filename = true" : "";
        return switch (Format.of(location)) {
            case PARQUET -> "read_parquet(" + literal + file + ")";
            case JSON_LINES -> "read_json(" + literal + ", format = 'newline_delimited'" + file + ")";
            case CSV -> throw new IllegalArgumentException("CSV needs csvScan");
        };
    }

    /**
     * The column names of a CSV file: its first record (quotes honoured), or {@code column1…columnN}
     * without a header. Empty files, bytes that are not UTF-8, empty and duplicate names are bad input.
     */
    public static List<String> csvHeader(Path file, CsvOptions options) {
        List<String> fields = firstRecord(file, options);
        if (!options.header()) {
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= fields.size(); i++) {
                names.add("column" + i);
            }
            return names;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            String name = fields.get(i);
            if (name.isBlank()) {
                throw new BadInputException(file + ": line 1: column " + (i + 1) + " of the header has no name");
            }
            Integer earlier = seen.put(name, i + 1);
            if (earlier != null) {
                throw new BadInputException(file + ": line 1: duplicate column name '" + name + "' (columns "
                        + earlier + " and " + (i + 1) + ")");
            }
        }
        return fields;
    }

    private static final int MAX_HEADER_CHARS = 1 << 20;

    /** The file's bytes, decompressed for {@code .gz} (DuckDB reads the rest of a compressed CSV itself). */
    private static java.io.InputStream open(Path file) throws IOException {
        java.io.InputStream in = Files.newInputStream(file);
        if (file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
            try {
                return new java.util.zip.GZIPInputStream(in);
            } catch (java.util.zip.ZipException e) {
                in.close();
                throw new BadInputException(file + ": not a gzip file (" + e.getMessage() + ")");
            } catch (java.io.EOFException e) {
                in.close();
                throw new BadInputException(file + ": file is empty or a truncated gzip file");
            }
        }
        return in;
    }

    /** The first record of a zstd-compressed CSV, split by DuckDB (Java has no zstd decoder). */
    private static List<String> firstRecordByDuckDb(Path file, CsvOptions options) {
        if (!Files.exists(file)) {
            throw new BadInputException(file + ": file not found");
        }
        String sql = "SELECT * FROM read_csv(" + sqlString(file.toString()) + ", header = false, all_varchar = true"
                + ", delim = " + sqlString(String.valueOf(options.delimiter())) + ", quote = " + sqlString(String.valueOf(options.quote()))
                + ", escape = " + sqlString(String.valueOf(options.quote())) + ") LIMIT 1";
        try (Connection db = openDuckDb(); Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            if (!rs.next()) {
                throw new BadInputException(file + ": file is empty (no header)");
            }
            List<String> fields = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                String value = rs.getString(i);
                fields.add(value == null ? "" : value);
            }
            return fields;
        } catch (SQLException e) {
            throw new BadInputException(file + ": " + e.getMessage().lines().findFirst().orElse("cannot read"), e);
        }
    }

    /**
     * Splits the first record. Bytes are scanned up to the first line break outside quotes (delimiter
     * and quote are ASCII, so this is safe in UTF-8) and only that record is decoded, so a bad byte in a
     * later row is reported by the scan with its own line number.
     */
    private static List<String> firstRecord(Path file, CsvOptions options) {
        byte[] record;
        if (file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zst")) {
            return firstRecordByDuckDb(file, options);
        }
        try (var in = new java.io.BufferedInputStream(open(file))) {
            var bytes = new java.io.ByteArrayOutputStream();
            boolean quoted = false;
            int b;
            while ((b = in.read()) >= 0) {
                if (b == options.quote()) {
                    quoted = !quoted;
                } else if (!quoted && (b == '\n' || b == '\r')) {
                    break;
                }
                bytes.write(b);
                if (bytes.size() > MAX_HEADER_CHARS) {
                    throw new BadInputException(file + ": line 1: header longer than " + MAX_HEADER_CHARS + " bytes");
                }
            }
            if (b < 0 && bytes.size() == 0) {
                throw new BadInputException(file + ": file is empty (no header)");
            }
            record = bytes.toByteArray();
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": file not found");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(record)).toString();
        } catch (CharacterCodingException e) {
            throw new BadInputException(file + ": line 1: not valid UTF-8");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == options.quote()) {
                    if (i + 1 < text.length() && text.charAt(i + 1) == options.quote()) {
                        field.append(c);
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == options.quote() && field.length() == 0) {
                quoted = true;
            } else if (c == options.delimiter()) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new BadInputException(file + ": line 1: unterminated quote in the header");
        }
        fields.add(field.toString());
        return fields;
    }

    private static String directoryGlob(Path dir) {
        try (var files = Files.list(dir)) {
            Path first = files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted()
                    .findFirst()
                    .orElseThrow(() -> new BadInputException(dir + ": directory holds no data files"));
            String name = first.getFileName().toString();
            return dir.resolve("*" + name.substring(name.indexOf('.'))).toString();
        } catch (java.io.IOException e) {
            throw new BadInputException(dir + ": cannot list directory: " + e.getMessage(), e);
        }
    }

    static boolean isGlob(String location) {
        return location.indexOf('*') >= 0 || location.indexOf('?') >= 0 || location.indexOf('[') >= 0;
    }

    /** A SQL string literal with embedded quotes doubled. */
    public static String sqlString(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** A SQL identifier, double-quoted, for column names that come from users or files. */
    public static String sqlIdentifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
