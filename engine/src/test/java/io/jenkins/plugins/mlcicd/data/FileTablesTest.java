package io.jenkins.plugins.mlcicd.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTablesTest {
    @TempDir
    Path dir;

    @Test
    void scansCsvJsonLinesAndParquetThroughDuckDb() throws Exception {
        Path csv = Files.writeString(dir.resolve("it's.csv"), "y,p\n1,0.9\n0,0.2\n1,0.6\n");
        Path jsonl = Files.writeString(dir.resolve("p.jsonl"), "{\"y\":1,\"p\":0.9}\n{\"y\":0,\"p\":0.2}\n{\"y\":1,\"p\":0.6}\n");
        Path parquet = dir.resolve("p.parquet");
        try (Connection db = FileTables.openDuckDb(); Statement st = db.createStatement()) {
            st.execute("COPY (SELECT * FROM " + FileTables.scan(csv) + ") TO " + FileTables.sqlString(parquet.toString())
                    + " (FORMAT parquet)");
            for (Path file : new Path[] {csv, jsonl, parquet}) {
                try (ResultSet rs = st.executeQuery("SELECT count(*), sum(y), round(sum(p), 6) FROM " + FileTables.scan(file))) {
                    rs.next();
                    assertThat(rs.getLong(1)).as(file.toString()).isEqualTo(3);
                    assertThat(rs.getLong(2)).isEqualTo(2);
                    assertThat(rs.getDouble(3)).isEqualTo(1.7);
                }
            }
        }
    }

    @Test
    void directoryMeansAllFilesOfItsFormat() throws Exception {
        Files.createDirectories(dir.resolve("d"));
        Files.writeString(dir.resolve("d/a.csv"), "x\n1\n");
        Files.writeString(dir.resolve("d/b.csv"), "x\n2\n");
        try (Connection db = FileTables.openDuckDb(); Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT sum(x) FROM " + FileTables.scan(dir.resolve("d")))) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(3);
        }
    }

    @Test
    void missingFileAndUnknownTypeAreBadInput() {
        assertThatThrownBy(() -> FileTables.scan(dir.resolve("none.csv")))
                .isInstanceOf(BadInputException.class).hasMessageEndingWith("none.csv: file not found");
        assertThatThrownBy(() -> FileTables.Format.of("x.xlsx"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("unknown file type");
    }

    @Test
    void identifiersAndStringsAreQuoted() {
        assertThat(FileTables.sqlIdentifier("a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(FileTables.sqlString("it's")).isEqualTo("'it''s'");
    }
}
