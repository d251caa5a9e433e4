package io.jenkins.plugins.mlcicd.eval;

import io.jenkins.plugins.mlcicd.data.DataSource;
import io.jenkins.plugins.mlcicd.data.FileTables;
import io.jenkins.plugins.mlcicd.data.JdbcTables;
import io.jenkins.plugins.mlcicd.data.SourceColumn;
import io.jenkins.plugins.mlcicd.data.SqlDialect;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Predictions in a database table or query: the columns the evaluation needs (label, score, slice,
 * sensitive, group and row-id columns; never the others) are read over JDBC once and appended to a
 * table in the evaluation's in-memory DuckDB, which the {@link PredictionReader} then reads exactly as
 * it reads files. One reader for both sources keeps the row checks, the row keys of the bootstrap
 * (md5 of the id's text, as for files) and the error messages the same. Label and score keep their
 * numbers (as DOUBLE) unless the database holds them as text; the other columns are text.
 */
final class JdbcPredictions {
    /** The DuckDB table the rows are copied into. */
    static final String TABLE = "mlcicd_predictions";

    private JdbcPredictions() {
    }

    /**
     * Copies the needed columns into {@link #TABLE} of {@code duckDb}; returns the FROM expression to read.
     *
     * @param source how messages name the source (its URL without user info, and the table or query)
     */
    static String copy(EvaluationRequest request, DataSource.Jdbc database, Connection duckDb, String source,
                       Map<String, String> environment) {
        SqlDialect dialect = JdbcTables.dialectFor(database.url());
        try (Connection remote = JdbcTables.connect(database, environment)) {
            String from = JdbcTables.from(database, dialect);
            Map<String, SourceColumn> columns = new LinkedHashMap<>();
            for (SourceColumn column : JdbcTables.describe(remote, source, from)) {
                columns.put(column.name(), column);
            }
            List<String> wanted = new ArrayList<>(needed(request));
            for (String name : wanted) {
                if (!columns.containsKey(name)) {
                    throw new BadInputException(source + ": no column '" + name + "' (columns: " + String.join(", ", columns.keySet()) + ")");
                }
            }
            boolean[] number = new boolean[wanted.size()];
            StringBuilder create = new StringBuilder("CREATE TABLE " + TABLE + " (");
            StringBuilder select = new StringBuilder("SELECT ");
            for (int i = 0; i < wanted.size(); i++) {
                String name = wanted.get(i);
                boolean value = name.equals(request.label()) || name.equals(request.score());
                number[i] = value && !columns.get(name).text();
                create.append(i == 0 ? "" : ", ").append(FileTables.sqlIdentifier(name)).append(number[i] ? " DOUBLE" : " VARCHAR");
                select.append(i == 0 ? "" : ", ").append(dialect.identifier(name));
            }
            select.append(" FROM ").append(from);
            try (Statement st = duckDb.createStatement()) {
                st.execute(create.append(")").toString());
            }
            try (Statement st = remote.createStatement();
                 DuckDBAppender appender = duckDb.unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA, TABLE)) {
                // a hint: drivers that would hold the whole result in memory fetch it in parts instead
                st.setFetchSize(10_000);
                ResultSet rows = st.executeQuery(select.toString());
                while (rows.next()) {
                    appender.beginRow();
                    for (int i = 0; i < number.length; i++) {
                        append(appender, rows, i + 1, number[i]);
                    }
                    appender.endRow();
                }
            }
            return TABLE;
        } catch (SQLException e) {
            throw new BadInputException(source + ": " + firstLine(e.getMessage()), e);
        }
    }

    /** Each column the evaluation reads, once, in the request's order. */
    static Set<String> needed(EvaluationRequest request) {
        Set<String> names = new LinkedHashSet<>();
        names.add(request.label());
        names.add(request.score());
        names.addAll(request.slices());
        for (String column : new String[] {request.sensitive(), request.group(), request.id()}) {
            if (column != null) {
                names.add(column);
            }
        }
        return names;
    }

    private static void append(DuckDBAppender appender, ResultSet rows, int index, boolean number) throws SQLException {
        if (number) {
            double value = rows.getDouble(index);
            if (rows.wasNull()) {
                appender.appendNull();
            } else {
                appender.append(value);
            }
            return;
        }
        String text = rows.getString(index);
        if (text == null) {
            appender.appendNull();
        } else {
            appender.append(text);
        }
    }

    private static String firstLine(String message) {
        return message == null ? "cannot read" : message.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("cannot read");
    }
}
