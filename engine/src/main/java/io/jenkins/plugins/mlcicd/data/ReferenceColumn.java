package io.jenkins.plugins.mlcicd.data;

/**
 * The reference side of a column's drift check: always its profile, and, when the reference data was
 * read in the same engine as the current data, the column itself so ECDF-based measures are exact.
 *
 * @param profile the reference column's profile
 * @param table   the reference table, or null when only a profile is known
 * @param column  the reference column in {@code table}, or null
 */
public record ReferenceColumn(ColumnProfile profile, DataTable table, DataTable.Column column) {
    public boolean hasData() {
        return table != null && column != null;
    }
}
