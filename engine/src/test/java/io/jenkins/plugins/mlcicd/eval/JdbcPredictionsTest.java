package io.jenkins.plugins.mlcicd.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlcicd.data.DataSource;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Predictions in a database (a DuckDB file through its JDBC driver, so no server is needed): the same
 * document as from the file holding the same rows, as a table and as a query.
 */
class JdbcPredictionsTest {
    @TempDir
    Path dir;

    private static final String CSV = """
            row_id,y,p,country
            1,1,0.9,DE
            2,0,0.1,DE
            3,1,0.8,DE
            4,0,0.2,DE
            5,1,0.7,US
            6,0,0.6,US
            7,1,0.4,US
            8,0,0.3,US
            """;

    private ResultDocument evaluate(Path file, DataSource.Jdbc database) {
        EvaluationRequest request = new EvaluationRequest(file, "y", "p", Task.BINARY, 0.5, List.of("country"), null, null, null, null,
                20, 3, "row_id", false, database);
        return EvaluationDocument.of(Evaluator.evaluate(request), Instant.now());
    }

    @Test
    void aTableAndAQueryGiveTheFilesDocument() throws Exception {
        Path file = Files.writeString(dir.resolve("p.csv"), CSV);
        String url = "jdbc:duckdb:" + dir.resolve("predictions.duckdb");
        try (Connection connection = DriverManager.getConnection(url); Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE predictions AS SELECT * FROM read_csv('" + file + "')");
        }
        ResultDocument fromFile = evaluate(file, null);

        ResultDocument fromTable = evaluate(null, new DataSource.Jdbc(url, "predictions", null, null, null));
        ResultDocument fromQuery = evaluate(null, new DataSource.Jdbc(url, null,
                "SELECT row_id, y, p, country FROM predictions WHERE p >= 0;", null, null));

        for (ResultDocument document : List.of(fromTable, fromQuery)) {
            assertThat(document.fields().path("metrics")).isEqualTo(fromFile.fields().path("metrics"));
            assertThat(document.fields().path("slices")).isEqualTo(fromFile.fields().path("slices"));
            assertThat(document.fields().path("intervals")).isEqualTo(fromFile.fields().path("intervals"));
            // the same rows keyed the same way: the bootstrap pairs with the file's evaluation
            assertThat(document.fields().path("bootstrap").path("keyDigest"))
                    .isEqualTo(fromFile.fields().path("bootstrap").path("keyDigest"));
        }
        assertThat(fromTable.fields().path("input").path("file").asText()).contains("table predictions");
    }

    @Test
    void aMissingColumnNamesTheSourceAndItsColumns() throws Exception {
        String url = "jdbc:duckdb:" + dir.resolve("other.duckdb");
        try (Connection connection = DriverManager.getConnection(url); Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE scores (y INTEGER, score DOUBLE)");
        }
        EvaluationRequest request = new EvaluationRequest(null, "y", "p", Task.BINARY, 0.5, List.of(), null, null, null, null, 0, 0,
                null, false, new DataSource.Jdbc(url, "scores", null, null, null));

        assertThatThrownBy(() -> Evaluator.evaluate(request))
                .isInstanceOf(BadInputException.class)
                .hasMessageEndingWith("table scores: no column 'p' (columns: y, score)");
    }

    @Test
    void exactlyOneSource() {
        assertThatThrownBy(() -> new EvaluationRequest(null, "y", "p", Task.BINARY, 0.5, List.of(), null, null, null, null, 0, 0,
                null, false, null)).hasMessage("give exactly one of --predictions, --jdbc and --spark");
    }
}
