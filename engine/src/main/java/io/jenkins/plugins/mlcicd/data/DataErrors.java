package io.jenkins.plugins.mlcicd.data;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns engine errors about the data (a ragged CSV row, bad bytes, a missing table) into one line. */
final class DataErrors {
    private static final Pattern CSV_LINE = Pattern.compile("CSV Error on Line: (\\d+)");
    /** The sentence of a DuckDB CSV error that says what is wrong. */
    private static final List<String> REASONS = List.of(
            "Expected Number of Columns", "unterminated quote", "Invalid unicode", "not utf-8",
            "Error when converting", "Value with", "Maximum line size", "quote", "Could not convert");

    private DataErrors() {
    }

    static BadInputException describe(String source, SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String[] lines = message.split("\\R");
        Matcher csvLine = CSV_LINE.matcher(message);
        if (csvLine.find()) {
            String reason = reason(lines);
            return new BadInputException(source + ": line " + csvLine.group(1) + ": " + reason, e);
        }
        String first = lines[0].strip();
        for (String prefix : List.of("Invalid Input Error: ", "IO Error: ", "Binder Error: ", "Conversion Error: ",
                "Parser Error: ", "Catalog Error: ", "ERROR: ")) {
            if (first.startsWith(prefix)) {
                first = first.substring(prefix.length());
            }
        }
        if (first.contains("No magic bytes found at end of file") || first.contains("too small to be a Parquet file")) {
            // DuckDB reads a Parquet file from its footer: a file without one was cut short or is not Parquet
            return new BadInputException(source + ": not a complete Parquet file: its footer is missing"
                    + " (the file was cut short, e.g. by an interrupted copy, or is not Parquet)", e);
        }
        return new BadInputException(source + ": " + first, e);
    }

    private static String reason(String[] lines) {
        for (String line : lines) {
            String l = line.strip();
            if (l.startsWith("Original Line") || l.startsWith("Possible") || l.isEmpty() || l.contains("CSV Error on Line")) {
                continue;
            }
            for (String known : REASONS) {
                if (l.toLowerCase(java.util.Locale.ROOT).contains(known.toLowerCase(java.util.Locale.ROOT))) {
                    return l.endsWith(".") ? l.substring(0, l.length() - 1) : l;
                }
            }
        }
        return "malformed CSV record";
    }
}
