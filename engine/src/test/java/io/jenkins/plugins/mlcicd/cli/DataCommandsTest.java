package io.jenkins.plugins.mlcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlcicd.data.DataProfile;
import io.jenkins.plugins.mlcicd.report.ResultDocumentJson;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCommandsTest {
    @TempDir
    Path dir;

    @Test
    void profileThenValidateAgainstTheStoredProfileWithHtml() throws Exception {
        Path ref = Files.writeString(dir.resolve("ref.tsv"), "id\tcountry\tamount\n1\tUS\t1.5\n2\tDE\t2.5\n3\tUS\t3.5\n");
        Path cur = Files.writeString(dir.resolve("cur.tsv"), "id\tcountry\tamount\n1\tUS\t1.5\n2\t<b>x</b>\t9.5\n");
        Path contract = Files.writeString(dir.resolve("c.yaml"), """
                columns:
                  - {name: id, type: integer}
                  - {name: country, allowed: [US, DE], drift: {method: l_infinity, threshold: 0.5}}
                  - {name: amount, type: double, drift: {method: psi}}
                """);
        Path profile = dir.resolve("profile.json");
        MainTest.Run p = MainTest.run("profile", "--data", ref.toString(), "--delimiter", "\\t", "--out", profile.toString());
        assertThat(p.exitCode()).as(p.err()).isZero();
        assertThat(DataProfile.read(profile).column("amount").count()).isEqualTo(3);

        Path out = dir.resolve("r.json");
        Path html = dir.resolve("r.html");
        Path currentProfile = dir.resolve("current-profile.json");
        MainTest.Run v = MainTest.run("validate", "--contract", contract.toString(), "--data", cur.toString(), "--delimiter", "tab",
                "--reference-profile", profile.toString(), "--profile-out", currentProfile.toString(),
                "--out", out.toString(), "--html", html.toString());
        assertThat(v.exitCode()).as(v.err()).isEqualTo(1);
        assertThat(v.out()).startsWith("FAILED: ");
        ResultDocument doc = ResultDocumentJson.read(out);
        assertThat(doc.checks()).extracting(c -> c.name()).contains("country.allowed", "country.drift", "amount.drift");
        assertThat(DataProfile.read(currentProfile).rows()).isEqualTo(2);
        String page = Files.readString(html);
        assertThat(page).contains("<svg", "&lt;b&gt;x&lt;/b&gt;").doesNotContain("<b>x</b>").doesNotContain("<script")
                .doesNotContainPattern("\\son[a-z]+=");
    }

    /** Under driftShare a drifted column warns (exit 3) until the share is reached (exit 1); issue 17. */
    @Test
    void driftShareTurnsColumnDriftIntoAWarningUntilTheShareIsReached() throws Exception {
        Path data = Path.of(DataCommandsTest.class.getResource("/data/evidently/expectations.json").toURI()).getParent();
        String columns = """
                columns:
                  - {name: score, type: double, drift: {}}
                  - {name: age, type: integer, drift: {}}
                  - {name: flag, type: boolean, drift: {}}
                """;
        String ref = data.resolve("2000-reference.csv").toString();
        String cur = data.resolve("2000-shifted.csv").toString();
        // score and age drift (wasserstein_normed 0.135, 0.194), flag does not: share 2/3.
        Path loose = Files.writeString(dir.resolve("loose.yaml"), "driftShare: 0.7\n" + columns);
        MainTest.Run warn = MainTest.run("validate", "--contract", loose.toString(), "--data", cur, "--reference", ref);
        assertThat(warn.exitCode()).as(warn.out() + warn.err()).isEqualTo(3);
        Path strict = Files.writeString(dir.resolve("strict.yaml"), "driftShare: 0.6\n" + columns);
        MainTest.Run fail = MainTest.run("validate", "--contract", strict.toString(), "--data", cur, "--reference", ref);
        assertThat(fail.exitCode()).as(fail.out() + fail.err()).isEqualTo(1);
    }

    @Test
    void inferContractPrintsYamlThatValidatesItsOwnData() throws Exception {
        Path data = Files.writeString(dir.resolve("d.csv"), "k,v\n1,a\n2,b\n3,a\n4,b\n5,a\n");
        MainTest.Run infer = MainTest.run("infer-contract", "--data", data.toString());
        assertThat(infer.exitCode()).as(infer.err()).isZero();
        Path contract = Files.writeString(dir.resolve("inferred.yaml"), infer.out());
        MainTest.Run v = MainTest.run("validate", "--contract", contract.toString(), "--data", data.toString(), "--reference",
                data.toString());
        assertThat(v.exitCode()).as(v.out() + v.err()).isZero();
    }

    @Test
    void skewCommandReportsMismatches() throws Exception {
        Path t = Files.writeString(dir.resolve("t.csv"), "id,f\n1,1.0\n2,2.0\n");
        Path s = Files.writeString(dir.resolve("s.csv"), "id,f\n1,1.0\n2,2.1\n");
        Path out = dir.resolve("skew.json");
        MainTest.Run run = MainTest.run("skew", "--training", t.toString(), "--serving", s.toString(), "--key", "id", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(ResultDocumentJson.read(out).checks()).anyMatch(c -> c.name().equals("f.skew") && c.value() == 0.5);
        MainTest.Run loose = MainTest.run("skew", "--training", t.toString(), "--serving", s.toString(), "--key", "id",
                "--tolerance", "0.1", "--features", "f");
        assertThat(loose.out()).contains("0 of 1 features skewed");
    }

    @Test
    void usageErrorsAreOneLine() {
        MainTest.Run neither = MainTest.run("validate", "--contract", "x.yaml");
        assertThat(neither.exitCode()).isEqualTo(2);
        MainTest.Run both = MainTest.run("profile", "--data", "a.csv", "--jdbc", "jdbc:postgresql://h/db", "--table", "t");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err().strip()).isEqualTo("mlcicd: give exactly one of --data, --jdbc and --spark");
        MainTest.Run unknownDb = MainTest.run("profile", "--jdbc", "jdbc:mysql://h/db", "--table", "t");
        assertThat(unknownDb.err()).contains("no SQL dialect");
        MainTest.Run badDelimiter = MainTest.run("profile", "--data", "a.csv", "--delimiter", ";;");
        assertThat(badDelimiter.err()).contains("single character");
    }
}
