package io.jenkins.plugins.mlcicd.eval;

import io.jenkins.plugins.mlcicd.data.DataSource;
import io.jenkins.plugins.mlcicd.data.FileTables;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.input.Printable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a predictions table through DuckDB with one {@code SELECT} into primitive arrays, in file
 * order, validating every row: labels 0/1 (binary), scores in [0, 1] (binary) or finite
 * (regression). A missing or NaN label/score makes the row invalid: invalid rows are counted and
 * either dropped (when the user asked) or refused naming the first one.
 */
final class PredictionReader {
    private static final Pattern NUMERIC = Pattern.compile(
            "(U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)|FLOAT|REAL|DOUBLE|DECIMAL.*|BOOLEAN)");
    private static final Pattern TEXT = Pattern.compile("VARCHAR.*");

    /** Binary labels as text (lower-cased, trimmed); '' and nan are missing labels, handled per row. */
    private static final List<String> LABEL_WORDS = List.of("0", "1", "0.0", "1.0", "true", "false", "nan", "");

    private final EvaluationRequest request;
    private final String source;
    private final String where;

    PredictionReader(EvaluationRequest request) {
        this.request = request;
        if (request.database() != null) {
            DataSource.Jdbc database = (DataSource.Jdbc) request.database();
            this.source = database.describe();
            this.where = " (in the order the database returned them)";
        } else {
            this.source = request.predictions().toString();
            boolean many = java.nio.file.Files.isDirectory(request.predictions()) || source.contains("*") || source.contains("?");
            this.where = many ? " (counting across the matched files in name order)" : "";
        }
    }

    PredictionTable read() {
        if (request.database() == null) {
            requireSoundCsvHeader();
        }
        try (Connection db = FileTables.openDuckDb(); Statement st = db.createStatement()) {
            // a database's rows are copied into this in-memory DuckDB first, so that both sources are read alike
            String scan = request.database() != null
                    ? JdbcPredictions.copy(request, (DataSource.Jdbc) request.database(), db, source, System.getenv())
                    : FileTables.scan(request.predictions());
            Map<String, String> types = describe(st, scan);
            boolean labelIsText = columnKind(types, request.label(), "--label");
            boolean scoreIsText = columnKind(types, request.score(), "--score");
            List<String> categorical = new ArrayList<>(request.slices());
            if (request.sensitive() != null) {
                categorical.add(request.sensitive());
            }
            if (request.group() != null) {
                categorical.add(request.group());
            }
            for (String column : categorical) {
                requireColumn(types, column);
            }
            if (request.id() != null) {
                requireColumn(types, request.id());
            }
            if (request.task() == Task.BINARY && types.get(request.label()).equalsIgnoreCase("BOOLEAN")) {
                requireBinaryLabels(st); // text labels are checked row by row below; a sniffed boolean hides what was written
            }
            StringBuilder select = new StringBuilder("SELECT ")
                    .append(valueExpression(request.label(), labelIsText)).append(", ")
                    .append(valueExpression(request.score(), scoreIsText));
            for (String column : categorical) {
                select.append(", CAST(").append(FileTables.sqlIdentifier(column)).append(" AS VARCHAR)");
            }
            if (request.id() != null) {
                // md5 is stable across DuckDB versions and platforms, so keys pair across evaluations.
                select.append(", CAST(md5_number_lower(CAST(").append(FileTables.sqlIdentifier(request.id()))
                        .append(" AS VARCHAR)) >> 1 AS BIGINT)");
            }
            select.append(" FROM ").append(scan);
            try (ResultSet rows = st.executeQuery(select.toString())) {
                return collect(rows, labelIsText, scoreIsText, categorical);
            }
        } catch (SQLException e) {
            throw new BadInputException(source + ": " + firstLine(e.getMessage()), e);
        }
    }

    /**
     * DuckDB's sniffer renames a duplicate column ({@code y,p,y} → {@code y_1}) and names an empty one, reads an
     * empty file as one column: for a single CSV file the header is read as written first, so these are refused.
     */
    private void requireSoundCsvHeader() {
        java.nio.file.Path file = request.predictions();
        if (!java.nio.file.Files.isRegularFile(file) || FileTables.Format.of(file.toString()) != FileTables.Format.CSV) {
            return;
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        char delimiter = name.endsWith(".tsv") || name.endsWith(".tsv.gz") || name.endsWith(".tsv.zst") ? '\t' : ',';
        FileTables.csvHeader(file, new io.jenkins.plugins.mlcicd.data.CsvOptions(delimiter, '"', true));
    }

    /**
     * The one documented label domain of a binary task: 0/1 (also written 0.0/1.0) and true/false (any case);
     * an empty or NaN label is a missing one. Checked on the text as written, because DuckDB's CSV sniffer
     * would otherwise read yes/no or T/F as booleans and the evaluation would silently guess what they mean.
     */
    private void requireBinaryLabels(Statement st) throws SQLException {
        String label = "CAST(" + FileTables.sqlIdentifier(request.label()) + " AS VARCHAR)";
        String query = "SELECT v, count(*) FROM (SELECT " + label + " AS v FROM " + FileTables.textScan(request.predictions())
                + ") WHERE v IS NOT NULL AND lower(trim(v)) NOT IN (" + String.join(", ", LABEL_WORDS.stream()
                .map(w -> "'" + w + "'").toList()) + ") GROUP BY v ORDER BY count(*) DESC, v LIMIT 4";
        List<String> foreign = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(query)) {
            while (rs.next()) {
                foreign.add(Printable.quote(rs.getString(1)));
            }
        }
        if (!foreign.isEmpty()) {
            throw new BadInputException(source + ": column '" + request.label() + "' (--label) holds "
                    + String.join(", ", foreign.subList(0, Math.min(3, foreign.size()))) + (foreign.size() > 3 ? ", …" : "")
                    + ": binary labels are 0/1 or true/false");
        }
    }

    private Map<String, String> describe(Statement st, String scan) throws SQLException {
        Map<String, String> types = new LinkedHashMap<>();
        try (ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM " + scan)) {
            while (rs.next()) {
                types.put(rs.getString("column_name"), rs.getString("column_type"));
            }
        }
        return types;
    }

    private void requireColumn(Map<String, String> types, String column) {
        if (!types.containsKey(column)) {
            throw new BadInputException(source + ": no column '" + column + "' (columns: " + String.join(", ", types.keySet()) + ")");
        }
    }

    /** Whether the column holds text (parsed per row) rather than numbers; refuses other types. */
    private boolean columnKind(Map<String, String> types, String column, String option) {
        requireColumn(types, column);
        String type = types.get(column).toUpperCase(Locale.ROOT);
        if (type.equals("BOOLEAN") && option.equals("--score")) {
            throw new BadInputException(source + ": column '" + column + "' (--score) holds true/false; a score is a number "
                    + "(binary: the probability of label 1)");
        }
        if (NUMERIC.matcher(type).matches()) {
            return false;
        }
        if (TEXT.matcher(type).matches()) {
            return true;
        }
        throw new BadInputException(source + ": column '" + column + "' (" + option + ") has type " + type + ", expected numbers");
    }

    private static String valueExpression(String column, boolean text) {
        String id = FileTables.sqlIdentifier(column);
        return text ? id : "CAST(" + id + " AS DOUBLE)";
    }

    private PredictionTable collect(ResultSet rows, boolean labelIsText, boolean scoreIsText, List<String> categorical)
            throws SQLException {
        boolean binary = request.task() == Task.BINARY;
        int categoricalCount = categorical.size();
        GrowableDoubles labels = new GrowableDoubles();
        GrowableDoubles scores = new GrowableDoubles();
        // Row keys matter only to the bootstrap: not kept otherwise (8 bytes a row).
        GrowableLongs keys = request.bootstrap() > 0 ? new GrowableLongs() : null;
        List<Dictionary> dictionaries = new ArrayList<>();
        for (String column : categorical) {
            dictionaries.add(new Dictionary(column));
        }
        Map<String, Long> invalid = new LinkedHashMap<>();
        long row = 0;
        long firstInvalid = -1;
        String firstInvalidReason = null;
        int idIndex = 3 + categoricalCount;
        while (rows.next()) {
            row++;
            double label = labelIsText ? parse(rows.getString(1), row, "label") : rows.getDouble(1);
            boolean labelMissing = labelIsText ? Double.isNaN(label) && rows.getString(1) == null : rows.wasNull();
            double score = scoreIsText ? parse(rows.getString(2), row, "score") : rows.getDouble(2);
            boolean scoreMissing = scoreIsText ? Double.isNaN(score) && rows.getString(2) == null : rows.wasNull();
            String reason = null;
            if (scoreMissing) {
                reason = "missing_score";
            } else if (Double.isNaN(score)) {
                reason = "nan_score";
            } else if (labelMissing) {
                reason = "missing_label";
            } else if (Double.isNaN(label)) {
                reason = "nan_label";
            }
            if (reason != null) {
                invalid.merge(reason, 1L, Long::sum);
                if (firstInvalid < 0) {
                    firstInvalid = row;
                    firstInvalidReason = reason.replace('_', ' ');
                }
                continue;
            }
            checkValues(label, score, row, binary);
            labels.add(label);
            scores.add(score == 0.0 ? 0.0 : score);
            for (int c = 0; c < categoricalCount; c++) {
                dictionaries.get(c).add(rows.getString(3 + c));
            }
            if (request.id() != null) {
                long key = rows.getLong(idIndex);
                if (rows.wasNull()) {
                    throw new BadInputException(at(row) + ": row id '" + request.id() + "' is missing");
                }
                keys.add(key);
            } else if (keys != null) {
                keys.add(row - 1);
            }
        }
        long invalidRows = invalid.values().stream().mapToLong(Long::longValue).sum();
        if (invalidRows > 0 && !request.dropInvalid()) {
            throw new BadInputException(at(firstInvalid) + ": " + firstInvalidReason + " (" + invalidRows
                    + " invalid row" + (invalidRows == 1 ? "" : "s") + " in all: " + describe(invalid)
                    + "; fix the input or pass --drop-invalid)");
        }
        long[] rowKeys = keys == null ? null : keys.toArray();
        if (request.id() != null) {
            requireUniqueIds(rowKeys);
        }
        List<Categorical> columns = new ArrayList<>();
        for (Dictionary dictionary : dictionaries) {
            columns.add(dictionary.toColumn());
        }
        int next = request.slices().size();
        Categorical sensitive = request.sensitive() == null ? null : columns.get(next++);
        Categorical group = request.group() == null ? null : columns.get(next);
        return new PredictionTable(source, row, invalidRows, invalid, labels.toArray(), scores.toArray(), rowKeys,
                List.copyOf(columns.subList(0, request.slices().size())), sensitive, group);
    }

    private void checkValues(double label, double score, long row, boolean binary) {
        if (binary) {
            if (label != 0 && label != 1) {
                throw new BadInputException(at(row) + ": label " + format(label) + " in column '" + request.label()
                        + "' is not 0 or 1 (binary task)");
            }
            if (!(score >= 0 && score <= 1)) {
                throw new BadInputException(at(row) + ": score " + format(score) + " in column '" + request.score()
                        + "' is outside [0, 1] (binary task: the score is the probability of label 1)");
            }
        } else {
            if (Double.isInfinite(label)) {
                throw new BadInputException(at(row) + ": label in column '" + request.label() + "' is infinite");
            }
            if (Double.isInfinite(score)) {
                throw new BadInputException(at(row) + ": score in column '" + request.score() + "' is infinite");
            }
        }
    }

    /** Text to number; null (missing) and "NaN" become NaN, true/false a binary label's 1/0, anything unparseable is bad input. */
    private double parse(String text, long row, String what) {
        if (text == null || text.isBlank()) {
            return Double.NaN;
        }
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != ' ')) {
            // Double.parseDouble strips control characters (NUL too) as if they were spaces
            String column = what.equals("label") ? request.label() : request.score();
            throw new BadInputException(at(row) + ": " + what + " " + Printable.quote(text) + " in column '" + column
                    + "' holds a control character");
        }
        if (what.equals("label") && request.task() == Task.BINARY) {
            switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "true" -> {
                    return 1;
                }
                case "false" -> {
                    return 0;
                }
                default -> {
                    // numbers below
                }
            }
        }
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            String column = what.equals("label") ? request.label() : request.score();
            boolean binaryLabel = what.equals("label") && request.task() == Task.BINARY;
            throw new BadInputException(at(row) + ": " + what + " " + Printable.quote(text) + " in column '" + column + "' is not "
                    + (binaryLabel ? "a binary label: binary labels are 0/1 or true/false" : "a number"));
        }
    }

    private void requireUniqueIds(long[] keys) {
        long[] sorted = keys.clone();
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                throw new BadInputException(source + ": row id column '" + request.id()
                        + "' has duplicate values; bootstrap pairing needs one row per id");
            }
        }
    }

    private String at(long row) {
        return source + ": data row " + row + where;
    }

    private static String describe(Map<String, Long> invalid) {
        StringBuilder text = new StringBuilder();
        invalid.forEach((reason, count) -> text.append(text.length() == 0 ? "" : ", ").append(count).append(' ').append(reason.replace('_', ' ')));
        return text.toString();
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    /** DuckDB's first line plus, for conversion errors, the line naming the column and value. */
    private static String firstLine(String message) {
        if (message == null) {
            return "cannot read";
        }
        List<String> lines = message.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        String first = lines.isEmpty() ? message.strip() : lines.get(0);
        return lines.stream().filter(l -> l.startsWith("Error when converting")).findFirst()
                .map(detail -> first + ": " + detail).orElse(first);
    }

    /** Maps values to codes in order of first appearance. */
    private static final class Dictionary {
        private final String column;
        private final Map<String, Integer> codes = new HashMap<>();
        private final List<String> levels = new ArrayList<>();
        private int[] rows = new int[1024];
        private int size;

        Dictionary(String column) {
            this.column = column;
        }

        void add(String value) {
            String level = value == null ? Categorical.MISSING : value;
            Integer code = codes.get(level);
            if (code == null) {
                code = levels.size();
                codes.put(level, code);
                levels.add(level);
            }
            if (size == rows.length) {
                rows = Arrays.copyOf(rows, rows.length * 2);
            }
            rows[size++] = code;
        }

        Categorical toColumn() {
            return new Categorical(column, levels.toArray(String[]::new), Arrays.copyOf(rows, size));
        }
    }

    private static final class GrowableDoubles {
        private double[] values = new double[1024];
        private int size;

        void add(double value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = value;
        }

        double[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    private static final class GrowableLongs {
        private long[] values = new long[1024];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = value;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
