package io.jenkins.plugins.mlcicd.data;

/**
 * A column as the source has it.
 *
 * @param name     column name
 * @param sqlType  the engine's type of the column as read (VARCHAR for every CSV column)
 * @param inferred what the column most likely holds (for CSV: DuckDB's sniffer's guess)
 * @param text     true when the source gives text that still has to be parsed
 */
public record SourceColumn(String name, String sqlType, ColumnType inferred, boolean text) {
}
