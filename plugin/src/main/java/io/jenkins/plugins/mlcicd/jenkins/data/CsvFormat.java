package io.jenkins.plugins.mlcicd.jenkins.data;

import io.jenkins.plugins.mlcicd.data.CsvOptions;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * How CSV data (and CSV reference data) is written, as the step's {@code delimiter}, {@code quote} and
 * {@code header} say; passed to the engine as {@code --delimiter}, {@code --quote}, {@code --no-header}.
 * Parquet and JSON Lines ignore it.
 *
 * @param delimiter one character, {@code \t} or {@code tab}; null for the engine's default {@code ,}
 * @param quote     one character; null for the engine's default {@code "}
 * @param header    false when the first row holds data, not column names (columns are then column1, column2, …)
 */
public record CsvFormat(String delimiter, String quote, boolean header) {
    public static final CsvFormat DEFAULT = new CsvFormat(null, null, true);

    public CsvFormat {
        // not stripped: a space or a tab may be the delimiter; an empty form field means the default
        delimiter = delimiter == null || delimiter.isEmpty() ? null : delimiter;
        quote = quote == null || quote.isEmpty() ? null : quote;
    }

    /** Checks the characters as the engine will (so the error names the step's parameter); returns this. */
    public CsvFormat validated(String functionName) {
        try {
            new CsvOptions(CsvOptions.character("delimiter", delimiter == null ? "," : delimiter),
                    CsvOptions.character("quote", quote == null ? "\"" : quote), header);
        } catch (BadInputException e) {
            throw new BadInputException(functionName + ": " + e.getMessage(), e);
        }
        return this;
    }

    List<String> cliArguments() {
        List<String> args = new ArrayList<>();
        if (delimiter != null) {
            args.add("--delimiter=" + delimiter);
        }
        if (quote != null) {
            args.add("--quote=" + quote);
        }
        if (!header) {
            args.add("--no-header");
        }
        return args;
    }
}
