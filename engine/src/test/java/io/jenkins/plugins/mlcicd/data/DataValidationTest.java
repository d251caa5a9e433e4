package io.jenkins.plugins.mlcicd.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.result.Check;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.Verdict;
import io.jenkins.plugins.mlcicd.stats.ChiSquare;
import io.jenkins.plugins.mlcicd.stats.Distributions;
import io.jenkins.plugins.mlcicd.stats.Histograms;
import io.jenkins.plugins.mlcicd.stats.JensenShannon;
import io.jenkins.plugins.mlcicd.stats.KolmogorovSmirnov;
import io.jenkins.plugins.mlcicd.stats.Psi;
import io.jenkins.plugins.mlcicd.stats.Quantiles;
import io.jenkins.plugins.mlcicd.stats.Wasserstein;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataValidationTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final DataValidation engine = new DataValidation(Map.of(), CLOCK);

    private Path csv(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private ResultDocument validate(String contract, Path data, Path reference) {
        return engine.run(new ValidationRequest(DataContract.parse("contract.yaml", contract), "contract.yaml",
                new DataSource.Files(data), reference == null ? null : new DataSource.Files(reference), null, false)).document();
    }

    private static Check check(ResultDocument doc, String name) {
        return doc.checks().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + doc.checks()));
    }

    @Test
    void everyCheckPassesOnGoodDataAndNamesAreThoseOfTheContract() throws Exception {
        Path data = csv("good.csv", "id,amount,country,email,day\n1,10.5,US,a@b.c,2024-01-01\n2,0,DE,x@y.z,2024-02-29\n");
        ResultDocument doc = validate("""
                rows: {min: 1, max: 10}
                extraColumns: fail
                columns:
                  - {name: id, type: integer, unique: true, nullable: false}
                  - {name: amount, type: double, min: 0, max: 100}
                  - {name: country, type: string, allowed: [US, DE]}
                  - {name: email, pattern: '[^@]+@[^@]+'}
                  - {name: day, type: date, min: '2024-01-01', max: '2024-12-31'}
                """, data, null);
        assertThat(doc.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(doc.checks()).extracting(Check::name).containsExactly("rows", "schema.extra_column", "id.type", "id.nulls",
                "id.unique", "amount.type", "amount.min", "amount.max", "country.type", "country.allowed", "email.pattern",
                "day.type", "day.min", "day.max");
        assertThat(check(doc, "amount.max").value()).isEqualTo(10.5);
        assertThat(check(doc, "day.max").details()).containsEntry("observed", "2024-02-29");
    }

    @Test
    void violationsCarryCountsThresholdAndAtMostFiveSamplesWithDataRowNumbers() throws Exception {
        StringBuilder text = new StringBuilder("id,amount\n");
        for (int i = 1; i <= 20; i++) {
            text.append(i).append(',').append(i % 3 == 0 ? "x" + i : i % 4 == 0 ? "" : Integer.toString(i * 10)).append('\n');
        }
        ResultDocument doc = validate("""
                columns:
                  - {name: id, type: integer}
                  - {name: amount, type: double, maxNullFraction: 0.1, max: 150}
                """, csv("bad.csv", text.toString()), null);
        Check type = check(doc, "amount.type");
        assertThat(type.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(type.value()).isEqualTo(6.0);
        assertThat(type.details()).containsEntry("count", 6L);
        List<?> samples = (List<?>) type.details().get("samples");
        assertThat(samples).hasSize(5);
        // Data row numbers are 1-based and do not count the header: row 3 is the third data line.
        assertThat(samples.get(0)).isEqualTo(Map.of("row", 3L, "value", "x3"));
        Check nulls = check(doc, "amount.nulls");
        // rows 4, 8, 16 and 20 are empty: 4 of 20 is above the 0.1 allowed
        assertThat(nulls.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(nulls.value()).isCloseTo(4 / 20.0, within(1e-12));
        assertThat(nulls.threshold()).isEqualTo("≤ 0.1");
        Check max = check(doc, "amount.max");
        assertThat(max.details()).containsEntry("count", 2L);
        assertThat(max.value()).isEqualTo(190.0);
        assertThat((List<?>) max.details().get("samples")).first().isEqualTo(Map.of("row", 17L, "value", "170.0"));
        assertThat(doc.verdict()).isEqualTo(Verdict.FAILED);
    }

    @Test
    void rowsSchemaAndExtraColumnPolicies() throws Exception {
        Path data = csv("d.csv", "a,b,c\n1,2,3\n");
        ResultDocument doc = validate("""
                rows: {min: 2}
                extraColumns: warn
                columns: [{name: a}, {name: z}]
                """, data, null);
        assertThat(check(doc, "rows").verdict()).isEqualTo(Verdict.FAILED);
        assertThat(check(doc, "schema.missing_column").details()).containsEntry("column", "z");
        Check extra = check(doc, "schema.extra_column");
        assertThat(extra.verdict()).isEqualTo(Verdict.WARNING);
        assertThat(extra.details()).containsEntry("columns", List.of("b", "c"));
        ResultDocument ignoring = validate("extraColumns: ignore\ncolumns: [{name: a}]\n", data, null);
        assertThat(check(ignoring, "schema.extra_column").verdict()).isEqualTo(Verdict.PASSED);
        ResultDocument failing = validate("extraColumns: fail\ncolumns: [{name: a}]\n", data, null);
        assertThat(check(failing, "schema.extra_column").verdict()).isEqualTo(Verdict.FAILED);
    }

    @Test
    void uniqueAllowedAndPatternReportOffenders() throws Exception {
        Path data = csv("u.csv", "id,c,e\n1,US,a@b\n2,XX,nope\n1,US,c@d\n3,YY,e@f\n");
        ResultDocument doc = validate("""
                columns:
                  - {name: id, unique: true}
                  - {name: c, allowed: [US], maxUnexpectedFraction: 0.25}
                  - {name: e, pattern: '^[^@]+@[^@]+$'}
                """, data, null);
        Check unique = check(doc, "id.unique");
        assertThat(unique.value()).isEqualTo(1.0);
        assertThat(unique.details().get("samples")).isEqualTo(List.of(Map.of("value", "1", "occurrences", 2L, "rows", List.of(1L, 3L))));
        Check allowed = check(doc, "c.allowed");
        assertThat(allowed.value()).isEqualTo(0.5);
        assertThat(allowed.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(check(doc, "e.pattern").details().get("samples")).isEqualTo(List.of(Map.of("row", 2L, "value", "nope")));
    }

    @Test
    void uniquenessIsProvenByOrderOnlyWhenValuesStrictlyIncreaseOrDecrease() throws Exception {
        String contract = "columns: [{name: id, type: integer, unique: true}, {name: s, unique: true}]\n";
        Map<String, double[]> cases = Map.of(
                "id,s\n1,a\n2,b\n5,c\n9,d\n", new double[] {0, 0},
                "id,s\n9,d\n5,c\n,b\n1,a\n", new double[] {0, 0},
                "id,s\n1,a\n2,b\n2,c\n3,d\n", new double[] {1, 0},
                "id,s\n1,a\n,b\n1,a\n4,c\n", new double[] {1, 1},
                "id,s\n3,x\n1,y\n2,x\n3,z\n", new double[] {1, 1});
        int n = 0;
        for (Map.Entry<String, double[]> e : cases.entrySet()) {
            ResultDocument doc = validate(contract, csv("m" + n++ + ".csv", e.getKey()), null);
            assertThat(check(doc, "id.unique").value()).as(e.getKey()).isEqualTo(e.getValue()[0]);
            assertThat(check(doc, "s.unique").value()).as(e.getKey()).isEqualTo(e.getValue()[1]);
        }
        try (DataSession session = new DataSession(Map.of())) {
            DataTable t = session.open(new DataSource.Files(csv("order.csv", "up,down,mixed\n1,3,1\n2,2,3\n3,1,2\n")), "t",
                    TypePlan.inferred());
            assertThat(MonotoneColumns.of(t, t.columns())).containsExactlyInAnyOrder("up", "down");
        }
    }

    @Test
    void parquetJsonLinesAndGlobsWithRowNumbersPerFile() throws Exception {
        Files.createDirectories(dir.resolve("parts"));
        csv("parts/a.csv", "x\n1\n2\n");
        csv("parts/b.csv", "x\n3\n-4\n");
        ResultDocument doc = validate("columns: [{name: x, type: integer, min: 0}]\n", dir.resolve("parts"), null);
        Check min = check(doc, "x.min");
        assertThat((List<?>) min.details().get("samples")).hasSize(1);
        Map<?, ?> sample = (Map<?, ?>) ((List<?>) min.details().get("samples")).get(0);
        assertThat(sample.get("row")).isEqualTo(2L);
        assertThat((String) sample.get("file")).endsWith("b.csv");

        Path parquet = dir.resolve("p.parquet");
        Path jsonl = csv("p.jsonl", "{\"x\": 5}\n{\"x\": -1}\n");
        try (Connection db = FileTables.openDuckDb(); Statement st = db.createStatement()) {
            st.execute("COPY (SELECT * FROM (VALUES (5), (-1)) t(x)) TO " + FileTables.sqlString(parquet.toString()) + " (FORMAT parquet)");
        }
        for (Path file : List.of(parquet, jsonl)) {
            Check m = check(validate("columns: [{name: x, type: integer, min: 0}]\n", file, null), "x.min");
            assertThat(m.details()).as(file.toString()).containsEntry("count", 1L);
            assertThat((List<?>) m.details().get("samples")).first().isEqualTo(Map.of("row", 2L, "value", "-1"));
        }
    }

    @Test
    void duckDbQuantilesEqualNumpyLinearQuantiles() throws Exception {
        Random random = new Random(7);
        double[] values = new double[997];
        StringBuilder text = new StringBuilder("v\n");
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.round(random.nextGaussian() * 1e6) / 1e3;
            text.append(values[i]).append('\n');
        }
        DataProfile profile = engine.profile(new DataSource.Files(csv("q.csv", text.toString())));
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        ColumnProfile column = profile.column("v");
        for (double level : Profiler.QUANTILE_LEVELS) {
            assertThat(column.quantiles().get(Double.toString(level))).isCloseTo(Quantiles.ofSorted(sorted, level), within(1e-9));
        }
        assertThat(column.histogram().counts()).containsExactly(Histograms.counts(values, Histograms.decileEdges(values)));
        assertThat(column.distinct()).isBetween(900L, 1100L);
    }

    /** The SQL path of every drift method agrees with the stats implementation on the same arrays. */
    @Test
    void everyNumericDriftMethodMatchesStatsOnTheSameData() throws Exception {
        Random random = new Random(11);
        double[] ref = new double[800];
        double[] cur = new double[600];
        StringBuilder r = new StringBuilder("v\n");
        StringBuilder c = new StringBuilder("v\n");
        for (int i = 0; i < ref.length; i++) {
            ref[i] = Math.round(random.nextGaussian() * 1000) / 100.0;
            r.append(ref[i]).append('\n');
        }
        for (int i = 0; i < cur.length; i++) {
            cur[i] = Math.round((random.nextGaussian() * 1.2 + 0.3) * 1000) / 100.0;
            c.append(cur[i]).append('\n');
        }
        Path refFile = csv("ref.csv", r.toString());
        Path curFile = csv("cur.csv", c.toString());
        double[] edges = Histograms.decileEdges(ref);
        long[] rc = Histograms.counts(ref, edges);
        long[] cc = Histograms.counts(cur, edges);
        double std = populationStd(ref);
        double wasserstein = Wasserstein.distance(ref, cur);
        KolmogorovSmirnov.Result ks = KolmogorovSmirnov.twoSample(ref, cur);
        Map<String, Double> expected = Map.of(
                "psi", Psi.ofCounts(rc, cc),
                "jensen_shannon", JensenShannon.distance(rc, cc),
                "ks", ks.pValue(),
                "wasserstein", wasserstein,
                "wasserstein_normed", Wasserstein.normed(wasserstein, std));
        DataProfile profile = engine.profile(new DataSource.Files(refFile));
        for (Map.Entry<String, Double> e : expected.entrySet()) {
            String contract = "columns: [{name: v, type: double, drift: {method: " + e.getKey() + ", threshold: 0.5}}]\n";
            Check fromData = check(validate(contract, curFile, refFile), "v.drift");
            assertThat(fromData.value()).as(e.getKey()).isCloseTo(e.getValue(), within(1e-9 * Math.max(1, e.getValue())));
            assertThat(fromData.details()).containsEntry("method", e.getKey());
            // A profile of a reference with this few distinct values stores them all: the same, exactly.
            Check fromProfile = check(engine.run(new ValidationRequest(DataContract.parse("c.yaml", contract), null,
                    new DataSource.Files(curFile), null, profile, false)).document(), "v.drift");
            assertThat(fromProfile.value()).as(e.getKey() + " from profile").isCloseTo(e.getValue(), within(1e-9 * Math.max(1, e.getValue())));
        }
        assertThat(check(validate("columns: [{name: v, type: double, drift: {method: ks}}]\n", curFile, refFile), "v.drift")
                .details()).containsEntry("statistic", ks.statistic()).containsEntry("pValueMethod", "exact");
    }

    @Test
    void everyCategoricalDriftMethodMatchesStats() throws Exception {
        Path ref = csv("r.csv", "c\n" + "US\n".repeat(50) + "DE\n".repeat(30) + "FR\n".repeat(20));
        Path cur = csv("c.csv", "c\n" + "US\n".repeat(40) + "DE\n".repeat(30) + "GB\n".repeat(10));
        long[] r = {50, 30, 20, 0};
        long[] c = {40, 30, 0, 10};
        Map<String, Double> expected = Map.of(
                "l_infinity", Distributions.lInfinity(Distributions.proportions(r), Distributions.proportions(c)),
                "jensen_shannon", JensenShannon.distance(r, c),
                "psi", Psi.ofCounts(r, c),
                "chi_square", ChiSquare.twoSample(r, c).pValue());
        for (Map.Entry<String, Double> e : expected.entrySet()) {
            Check drift = check(validate("columns: [{name: c, drift: {method: " + e.getKey() + "}}]\n", cur, ref), "c.drift");
            assertThat(drift.value()).as(e.getKey()).isCloseTo(e.getValue(), within(1e-12));
            assertThat(drift.verdict()).as(e.getKey()).isEqualTo(Verdict.FAILED);
        }
    }

    @Test
    void defaultMethodFollowsEvidentlyAndTheSummaryCountsChanceAlarms() throws Exception {
        StringBuilder small = new StringBuilder("n,k,c\n");
        StringBuilder large = new StringBuilder("n,k,c\n");
        Random random = new Random(3);
        for (int i = 0; i < 1200; i++) {
            String row = random.nextGaussian() + "," + (i % 4) + "," + (i % 2 == 0 ? "a" : "b") + "\n";
            if (i < 500) {
                small.append(row);
            }
            large.append(row);
        }
        Path smallRef = csv("small.csv", small.toString());
        Path largeRef = csv("large.csv", large.toString());
        String contract = "columns: [{name: n, drift: {}}, {name: k, type: integer, drift: {}}, {name: c, drift: {}}]\n";
        ResultDocument vsSmall = validate(contract.replace("{name: n,", "{name: n, type: double,"), largeRef, smallRef);
        assertThat(check(vsSmall, "n.drift").details()).containsEntry("method", "ks");
        assertThat(check(vsSmall, "k.drift").details()).containsEntry("method", "chi_square");
        assertThat(check(vsSmall, "c.drift").details()).containsEntry("method", "chi_square");
        assertThat(vsSmall.fields().path("drift").path("expectedFalseAlarms").asDouble()).isCloseTo(0.15, within(1e-12));
        assertThat(vsSmall.summary()).contains("expected by chance");
        ResultDocument vsLarge = validate(contract.replace("{name: n,", "{name: n, type: double,"), smallRef, largeRef);
        assertThat(check(vsLarge, "n.drift").details()).containsEntry("method", "wasserstein_normed");
        assertThat(check(vsLarge, "k.drift").details()).containsEntry("method", "jensen_shannon");
        assertThat(check(vsLarge, "c.drift").details()).containsEntry("method", "jensen_shannon");
    }

    @Test
    void driftWithoutAReferenceIsInconclusiveNeverAPass() throws Exception {
        ResultDocument doc = validate("columns: [{name: v, type: double, drift: {}}]\n", csv("v.csv", "v\n1\n2\n"), null);
        assertThat(check(doc, "v.drift").verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(doc.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void largeReferenceProfileKeepsASketchAndMarksEcdfDriftApproximate() throws Exception {
        StringBuilder text = new StringBuilder("v\n");
        Random random = new Random(5);
        double[] values = new double[3000];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian();
            text.append(values[i]).append('\n');
        }
        Path ref = csv("big.csv", text.toString());
        DataProfile profile = engine.profile(new DataSource.Files(ref));
        Path stored = dir.resolve("profile.json");
        Files.writeString(stored, profile.toJson());
        DataProfile read = DataProfile.read(stored);
        assertThat(read.column("v").distribution().exact()).isFalse();
        assertThat(read.column("v").distribution().values()).hasSize(Profiler.SKETCH_POINTS);
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        for (int i = 0; i < Profiler.SKETCH_POINTS; i += 37) {
            assertThat(read.column("v").distribution().values()[i]).as("sketch point " + i)
                    .isCloseTo(Quantiles.ofSorted(sorted, i / 1000.0), within(1e-12));
        }
        assertThat(read.column("v").quantiles().get("0.95")).isCloseTo(Quantiles.ofSorted(sorted, 0.95), within(1e-12));
        String contract = "columns: [{name: v, type: double, drift: {method: wasserstein, threshold: 1}}]\n";
        Check approx = check(engine.run(new ValidationRequest(DataContract.parse("c.yaml", contract), null,
                new DataSource.Files(ref), null, read, false)).document(), "v.drift");
        assertThat(approx.details()).containsKey("approximate");
        assertThat(approx.value()).isLessThan(0.01);
    }

    @Test
    void contractInferenceRoundTripsAndPassesOnItsOwnData() throws Exception {
        Path data = csv("ref.csv", "id,amount,country\n" + "1,1.5,US\n2,2.5,DE\n3,3.5,US\n4,4.5,DE\n5,5.5,US\n6,,DE\n7,7.5,US\n");
        DataContract inferred = ContractInference.infer(new DataSource.Files(data), Map.of());
        String yaml = ContractInference.toYaml(inferred);
        DataContract parsed = DataContract.parse("inferred.yaml", yaml);
        assertThat(parsed.column("id").unique()).isTrue();
        assertThat(parsed.column("id").type()).isEqualTo(ColumnType.INTEGER);
        assertThat(parsed.column("amount").maxNullFraction()).isGreaterThanOrEqualTo(1 / 7.0);
        assertThat(parsed.column("country").allowed()).extracting(n -> n.asText()).containsExactlyInAnyOrder("US", "DE");
        ResultDocument doc = validate(yaml, data, data);
        assertThat(doc.verdict()).as(doc.summary()).isEqualTo(Verdict.PASSED);
    }

    @Test
    void skewJoinsOnTheKeyComparesWithToleranceAndCountsMissingKeys() throws Exception {
        Path training = csv("t.csv", "id,a,b\n1,1.0,x\n2,2.0,y\n3,3.0,z\n4,4.0,w\n");
        Path serving = csv("s.csv", "id,a,b\n1,1.0000000001,x\n2,2.5,y\n3,3.0,Z\n5,4.0,w\n5,4.0,w\n");
        ResultDocument doc = new SkewDetection(Map.of(), CLOCK).run(new SkewRequest(new DataSource.Files(training),
                new DataSource.Files(serving), "id", List.of(), 1e-6, 0.0));
        assertThat(check(doc, "skew.joined").value()).isEqualTo(3.0);
        assertThat(check(doc, "skew.training_only_keys").value()).isEqualTo(1.0);
        assertThat(check(doc, "skew.serving_only_keys").value()).isEqualTo(1.0);
        assertThat(check(doc, "skew.duplicate_keys").value()).isEqualTo(1.0);
        Check a = check(doc, "a.skew");
        assertThat(a.value()).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(a.details().get("samples")).isEqualTo(List.of(Map.of("key", "2", "training", "2.0", "serving", "2.5")));
        assertThat(check(doc, "b.skew").value()).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(doc.checks()).extracting(Check::name).contains("a.drift", "b.drift");
    }

    @Test
    void referenceDataAndProfileAreExclusiveAndProfilesAreChecked() throws Exception {
        Path data = csv("x.csv", "v\n1\n");
        DataProfile profile = engine.profile(new DataSource.Files(data));
        assertThatThrownBy(() -> new ValidationRequest(DataContract.parse("c.yaml", "columns: []\n"), null,
                new DataSource.Files(data), new DataSource.Files(data), profile, false))
                .isInstanceOf(BadInputException.class);
        String json = profile.toJson();
        assertThat(json).contains("\"counts\" : [ 0,");
        Path broken = Files.writeString(dir.resolve("p.json"), json.replace("\"counts\" : [ 0,", "\"counts\" : ["));
        assertThatThrownBy(() -> DataProfile.read(broken)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("histogram needs one count more than edges");
        assertThat(DataProfile.read(Files.writeString(dir.resolve("ok.json"), json)).rows()).isEqualTo(1);
    }

    static double populationStd(double[] values) {
        double mean = Arrays.stream(values).average().orElseThrow();
        return Math.sqrt(Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / values.length);
    }
}
