package io.jenkins.plugins.mlcicd.data;

import io.jenkins.plugins.mlcicd.input.BadInputException;

/**
 * How a CSV file is written. The dialect is given, never sniffed: a sniffer that guesses a
 * different delimiter for a file with one ragged row turns an error into a silent pass.
 *
 * @param delimiter field separator
 * @param quote     quote character (doubled inside a quoted field to escape it)
 * @param header    true when the first record holds the column names
 */
public record CsvOptions(char delimiter, char quote, boolean header) {
    public static final CsvOptions DEFAULT = new CsvOptions(',', '"', true);

    public CsvOptions {
        if (delimiter == quote) {
            throw new BadInputException("CSV delimiter and quote must differ");
        }
        if (delimiter > 127 || quote > 127) {
            throw new BadInputException("CSV delimiter and quote must be ASCII characters");
        }
        if (delimiter == '\n' || delimiter == '\r' || quote == '\n' || quote == '\r') {
            throw new BadInputException("CSV delimiter and quote cannot be line breaks");
        }
    }

    /** Parses a one-character option value; {@code \t} and {@code tab} mean a tab. */
    public static char character(String option, String value) {
        if (value == null) {
            throw new BadInputException(option + ": missing value");
        }
        if (value.equals("\\t") || value.equalsIgnoreCase("tab")) {
            return '\t';
        }
        if (value.length() != 1) {
            throw new BadInputException(option + ": expected a single character, was '" + value + "'");
        }
        return value.charAt(0);
    }
}
