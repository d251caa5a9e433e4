package io.jenkins.plugins.mlcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.mlcicd.data.FileTables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {
    @TempDir
    Path dir;

    private Path csv(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    private MainTest.Run evaluate(Path predictions, String... more) {
        String[] base = {"evaluate", "--predictions", predictions.toString(), "--label", "y", "--score", "p",
            "--out", dir.resolve("eval.json").toString()};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return MainTest.run(args);
    }

    private JsonNode document() throws Exception {
        return new ObjectMapper().readTree(dir.resolve("eval.json").toFile());
    }

    @Test
    void binaryLabelsAreZeroOneOrTrueFalseAndNothingIsGuessed() throws Exception {
        MainTest.Run words = evaluate(csv("w.csv", "y,p\ntrue,0.9\nFALSE,0.2\n1,0.7\n0,0.4\n"));
        assertThat(words.exitCode()).as(words.err()).isNotEqualTo(2);
        assertThat(document().path("metrics").path("auc").asDouble()).isEqualTo(1.0);
        // DuckDB's sniffer reads these as booleans: refused, not guessed
        for (String[] bad : new String[][] {{"yes", "no"}, {"T", "F"}, {"Yes", "false"}}) {
            MainTest.Run run = evaluate(csv("b.csv", "y,p\n" + bad[0] + ",0.9\n" + bad[1] + ",0.2\n" + bad[0] + ",0.8\n"));
            assertThat(run.exitCode()).as(String.join("/", bad) + ": " + run.out()).isEqualTo(2);
            assertThat(run.err()).as(String.join("/", bad)).contains("column 'y' (--label) holds", "'" + bad[0] + "'",
                    "binary labels are 0/1 or true/false").doesNotContain("Exception");
        }
        // text labels are checked row by row, with the row
        for (String[] bad : new String[][] {{"y", "n"}, {"pos", "neg"}}) {
            MainTest.Run run = evaluate(csv("pn.csv", "y,p\n" + bad[0] + ",0.9\n" + bad[1] + ",0.2\n"));
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("data row 1: label '" + bad[0] + "'", "binary labels are 0/1 or true/false");
        }
        MainTest.Run jsonl = evaluate(csv("j.jsonl", "{\"y\": \"yes\", \"p\": 0.9}\n{\"y\": \"no\", \"p\": 0.1}\n"));
        assertThat(jsonl.exitCode()).isEqualTo(2);
        assertThat(jsonl.err()).contains("'yes'");
    }

    @Test
    void writesTheEvaluationDocumentWithMetricsSlicesFairnessAndIntervals() throws Exception {
        Path file = csv("p.csv", "y,p,country,sex,id\n1,0.9,DE,F,a\n0,0.2,DE,M,b\n1,0.6,FR,F,c\n0,0.7,FR,M,d\n1,0.3,FR,M,e\n0,0.1,US,F,f\n");
        MainTest.Run run = evaluate(file, "--slice", "country", "--sensitive", "sex", "--k", "2",
                "--bootstrap", "20", "--seed", "1", "--id", "id", "--html", dir.resolve("eval.html").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("PASSED: binary, 6 rows, auc ");
        JsonNode doc = document();
        assertThat(doc.path("schema").asText()).isEqualTo("mlcicd/evaluation/v1");
        assertThat(doc.path("task").asText()).isEqualTo("binary");
        assertThat(doc.path("threshold").asDouble()).isEqualTo(0.5);
        assertThat(doc.path("metrics").path("auc").asDouble()).isEqualTo(7 / 9.0);
        assertThat(doc.path("metrics").path("count").isIntegralNumber()).isTrue();
        assertThat(doc.path("slices").path("country=FR").path("count").asInt()).isEqualTo(3);
        assertThat(doc.path("slices").path("country=FR").has("auc")).isTrue();
        assertThat(doc.path("slices").path("overall").path("count").asInt()).isEqualTo(6);
        assertThat(doc.path("undefined").path("auc[country=US]").asText()).isEqualTo("only one class present");
        assertThat(doc.path("fairness").path("groups").path("F").path("count").asInt()).isEqualTo(3);
        assertThat(doc.path("metrics").has("demographic_parity_difference")).isTrue();
        assertThat(doc.path("intervals").path("auc").path("lower").isNumber()).isTrue();
        assertThat(doc.path("bootstrap").path("samples").path("auc")).hasSize(20);
        assertThat(doc.path("bootstrap").path("rowKey").asText()).isEqualTo("id:id");
        assertThat(doc.path("input").path("rows").asInt()).isEqualTo(6);
        assertThat(Files.readString(dir.resolve("eval.html"))).contains("slice[country=FR]").doesNotContain("<script");
    }

    @Test
    void oneClassIsInconclusiveWithTheReason() throws Exception {
        MainTest.Run run = evaluate(csv("one.csv", "y,p\n1,0.9\n1,0.4\n"));
        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.out()).startsWith("INCONCLUSIVE:");
        JsonNode doc = document();
        assertThat(doc.path("metrics").has("auc")).isFalse();
        assertThat(doc.path("undefined").path("auc").asText()).isEqualTo("only one class present");
        assertThat(doc.path("verdict").asText()).isEqualTo("INCONCLUSIVE");
    }

    @Test
    void invalidScoresAreRefusedNamingTheFirstRowUnlessDropped() throws Exception {
        Path file = csv("nan.csv", "y,p\n1,0.9\n0,\n1,NaN\n0,0.2\n1,0.4\n0,0.6\n");
        MainTest.Run refused = evaluate(file);
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("nan.csv: data row 2: missing score", "2 invalid rows", "--drop-invalid")
                .doesNotContain("Exception");
        MainTest.Run dropped = evaluate(file, "--drop-invalid");
        assertThat(dropped.exitCode()).as(dropped.err()).isZero();
        JsonNode input = document().path("input");
        assertThat(input.path("rows").asInt()).isEqualTo(6);
        assertThat(input.path("dropped").asInt()).isEqualTo(2);
        assertThat(input.path("invalid").path("missing_score").asInt()).isEqualTo(1);
        assertThat(input.path("invalid").path("nan_score").asInt()).isEqualTo(1);
        assertThat(document().path("metrics").path("count").asInt()).isEqualTo(4);
    }

    @Test
    void predictionsFromADatabaseTableOrQuery() throws Exception {
        Path file = csv("db.csv", "y,p,country\n1,0.9,DE\n0,0.2,DE\n1,0.6,US\n0,0.7,US\n");
        String url = "jdbc:duckdb:" + dir.resolve("predictions.duckdb");
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url);
             java.sql.Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE preds AS SELECT * FROM read_csv('" + file + "')");
        }
        MainTest.Run fromFile = evaluate(file, "--slice", "country");
        assertThat(fromFile.exitCode()).isZero();
        JsonNode expected = document().path("metrics");

        MainTest.Run table = MainTest.run("evaluate", "--jdbc", url, "--table", "preds", "--label", "y", "--score", "p",
                "--slice", "country", "--out", dir.resolve("eval.json").toString());
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(document().path("metrics")).isEqualTo(expected);
        assertThat(document().path("input").path("file").asText()).endsWith("table preds");

        MainTest.Run query = MainTest.run("evaluate", "--jdbc", url, "--query", "SELECT y, p FROM preds", "--label", "y", "--score", "p",
                "--out", dir.resolve("eval.json").toString());
        assertThat(query.exitCode()).as(query.err()).isZero();
        assertThat(document().path("metrics")).isEqualTo(expected);

        assertThat(MainTest.run("evaluate", "--jdbc", url, "--label", "y", "--score", "p").err())
                .contains("--jdbc needs exactly one of --table and --query");
        assertThat(MainTest.run("evaluate", "--predictions", file.toString(), "--table", "preds", "--label", "y", "--score", "p").err())
                .contains("--table and --query go with --jdbc or --spark, not --predictions");
        MainTest.Run neither = MainTest.run("evaluate", "--label", "y", "--score", "p");
        assertThat(neither.exitCode()).isEqualTo(2);
        assertThat(neither.err()).contains("give exactly one of --predictions, --jdbc and --spark");
    }

    @Test
    void outOfRangeScoresWrongLabelsAndMissingColumnsAreBadInput() throws Exception {
        MainTest.Run score = evaluate(csv("range.csv", "y,p\n1,0.9\n0,1.5\n"));
        assertThat(score.exitCode()).isEqualTo(2);
        assertThat(score.err()).contains("range.csv: data row 2: score 1.5", "outside [0, 1]");
        MainTest.Run label = evaluate(csv("label.csv", "y,p\n1,0.9\n2,0.5\n"));
        assertThat(label.exitCode()).isEqualTo(2);
        assertThat(label.err()).contains("label.csv: data row 2: label 2", "not 0 or 1");
        MainTest.Run text = evaluate(csv("text.csv", "y,p\ncat,0.9\ndog,0.5\n"));
        assertThat(text.exitCode()).isEqualTo(2);
        assertThat(text.err()).contains("text.csv: data row 1: label 'cat'", "not a binary label");
        MainTest.Run column = evaluate(csv("cols.csv", "label,p\n1,0.9\n"));
        assertThat(column.exitCode()).isEqualTo(2);
        assertThat(column.err()).contains("cols.csv: no column 'y' (columns: label, p)");
        MainTest.Run missing = evaluate(dir.resolve("absent.csv"));
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("absent.csv: file not found");
        MainTest.Run usage = evaluate(csv("ok.csv", "y,p\n1,0.9\n0,0.1\n"), "--task", "regression", "--k", "3");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.err()).contains("--task binary only");
    }

    @Test
    void readsParquetAndJsonLinesAndRegression() throws Exception {
        Path jsonl = csv("p.jsonl", "{\"y\": 1.5, \"p\": 1.0}\n{\"y\": 2.5, \"p\": 3.0}\n{\"y\": 4.0, \"p\": 4.0}\n");
        Path parquet = dir.resolve("p.parquet");
        try (Connection db = FileTables.openDuckDb(); Statement st = db.createStatement()) {
            st.execute("COPY (SELECT * FROM " + FileTables.scan(jsonl) + ") TO " + FileTables.sqlString(parquet.toString()) + " (FORMAT parquet)");
        }
        for (Path file : new Path[] {jsonl, parquet}) {
            MainTest.Run run = evaluate(file, "--task", "regression");
            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode metrics = document().path("metrics");
            assertThat(metrics.path("mae").asDouble()).isEqualTo(1 / 3.0); // errors 0.5, −0.5, 0
            assertThat(metrics.path("rmse").asDouble()).isEqualTo(Math.sqrt(0.5 / 3));
            assertThat(document().has("threshold")).isFalse();
        }
    }

    @Test
    void rowIdsPairEvaluationsOfTheSameRowsInAnotherOrder() throws Exception {
        Path a = csv("a.csv", "id,y,p\nu1,1,0.9\nu2,0,0.2\nu3,1,0.6\nu4,0,0.7\nu5,1,0.3\nu6,0,0.1\n");
        Path b = csv("b.csv", "id,y,p\nu6,0,0.1\nu3,1,0.6\nu1,1,0.9\nu5,1,0.3\nu2,0,0.2\nu4,0,0.7\n");
        assertThat(evaluate(a, "--bootstrap", "30", "--seed", "4", "--id", "id").exitCode()).isZero();
        JsonNode first = document();
        assertThat(evaluate(b, "--bootstrap", "30", "--seed", "4", "--id", "id").exitCode()).isZero();
        JsonNode second = document();
        assertThat(second.path("bootstrap").path("keyDigest")).isEqualTo(first.path("bootstrap").path("keyDigest"));
        assertThat(second.path("bootstrap").path("samples").path("brier")).isEqualTo(first.path("bootstrap").path("samples").path("brier"));
        MainTest.Run duplicate = evaluate(csv("dup.csv", "id,y,p\nu1,1,0.9\nu1,0,0.2\n"), "--bootstrap", "5", "--id", "id");
        assertThat(duplicate.exitCode()).isEqualTo(2);
        assertThat(duplicate.err()).contains("dup.csv: row id column 'id' has duplicate values");
        MainTest.Run noBootstrap = evaluate(a, "--id", "id");
        assertThat(noBootstrap.exitCode()).isEqualTo(2);
        assertThat(noBootstrap.err()).contains("--id keys the bootstrap");
    }

    @Test
    void regressionWithSlicesAndBootstrap() throws Exception {
        Path file = csv("r.csv", "y,p,region\n1.0,1.5,N\n2.0,1.5,N\n3.0,3.5,S\n4.0,3.0,S\n5.0,5.5,S\n");
        MainTest.Run run = evaluate(file, "--task", "regression", "--slice", "region", "--bootstrap", "50");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = document();
        assertThat(doc.path("task").asText()).isEqualTo("regression");
        assertThat(doc.path("metrics").path("mae").asDouble()).isCloseTo(0.6, org.assertj.core.api.Assertions.within(1e-15)); // errors .5 .5 .5 1 .5
        assertThat(doc.path("slices").path("region=S").path("count").asInt()).isEqualTo(3);
        assertThat(doc.path("slices").path("region=N").path("r2").asDouble()).isEqualTo(0.0); // 1 − 0.5/0.5
        assertThat(doc.path("intervals").path("rmse").path("upper").asDouble()).isGreaterThanOrEqualTo(0.5);
    }

    @Test
    void aValueDuckDbCannotConvertIsBadInputNotACrash() throws Exception {
        StringBuilder rows = new StringBuilder("y,p\n");
        for (int i = 0; i < 30_000; i++) { // beyond DuckDB's type-sniffing sample
            rows.append(i % 2).append(",0.").append(i % 10).append('\n');
        }
        rows.append("1,high\n");
        MainTest.Run run = evaluate(csv("late.csv", rows.toString()));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("mlcicd: ").contains("late.csv", "Line: 30002", "Could not convert string \"high\"")
                .doesNotContain("Exception");
        assertThat(run.err().lines().count()).isEqualTo(1);
    }
}
