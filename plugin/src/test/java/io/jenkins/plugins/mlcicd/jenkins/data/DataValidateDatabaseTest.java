package io.jenkins.plugins.mlcicd.jenkins.data;

import io.jenkins.plugins.mlcicd.jenkins.common.DatabaseLogin;
import io.jenkins.plugins.mlcicd.jenkins.common.DatabaseSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.jenkins.common.EngineCommand;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** mlDataValidate's database source: its parameters, the engine's command line and the login's environment. */
class DataValidateDatabaseTest {
    private static final String URL = "jdbc:postgresql://db.example.com:5432/features";

    private static DataValidateRequest request(String data, String jdbc, String table, String query, String credentialsId) {
        return new DataValidateRequest("ml/contract.yaml", data, DatabaseSource.of(jdbc, table, query, credentialsId), null, null);
    }

    private static String error(DataValidateRequest request) {
        try {
            request.validated("mlDataValidate");
        } catch (BadInputException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error for " + request);
    }

    @Test
    void exactlyOneOfDataAndJdbc() {
        assertThat(error(request("d.csv", URL, "orders", null, null)))
                .isEqualTo("mlDataValidate: give either data (a workspace path) or jdbc (a database), not both");
        assertThat(error(request(null, null, null, null, null)))
                .startsWith("mlDataValidate: data or jdbc: required (")
                .contains("jdbc: a JDBC URL with table or query");
        assertThat(error(request(" ", "  ", "", null, null))).startsWith("mlDataValidate: data or jdbc: required");
    }

    @Test
    void tableQueryAndCredentialsGoWithJdbc() {
        assertThat(error(request("d.csv", null, "orders", null, null)))
                .startsWith("mlDataValidate: table goes with jdbc (a JDBC URL, e.g. 'jdbc:postgresql://db:5432/features'), which is not given");
        assertThat(error(request(null, null, null, "SELECT 1", "db-reader")))
                .startsWith("mlDataValidate: query and credentialsId go with jdbc");
    }

    @Test
    void jdbcNeedsExactlyOneOfTableAndQuery() {
        assertThat(error(request(null, URL, null, null, null)))
                .isEqualTo("mlDataValidate: jdbc needs exactly one of table and query, neither is given");
        assertThat(error(request(null, URL, "orders", "SELECT * FROM orders", null)))
                .isEqualTo("mlDataValidate: jdbc needs exactly one of table and query, not both");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "jdbc:postgresql://db/features?user=reader&password=s3cret",
        "jdbc:postgresql://db/features?ssl=true&PASSWORD=s3cret",
        "jdbc:postgresql://reader:s3cret@db:5432/features"})
    void aPasswordInTheUrlIsRefusedWithoutRepeatingIt(String url) {
        assertThat(error(request(null, url, "orders", null, null)))
                .startsWith("mlDataValidate: jdbc: ")
                .contains("must not hold a password; give a username-with-password credential as credentialsId")
                .doesNotContain("s3cret");
    }

    @Test
    void jdbcMustBeAJdbcUrl() {
        assertThat(error(request(null, "postgresql://db/features", "orders", null, null)))
                .isEqualTo("mlDataValidate: jdbc: expected a JDBC URL starting with 'jdbc:', e.g. "
                        + "'jdbc:postgresql://db:5432/features', was 'postgresql://db/features'");
        // a password parameter's name alone is no password
        assertThat(request(null, URL + "?passwordless=true", "orders", null, null).validated("mlDataValidate")).isNotNull();
    }

    @Test
    void commandLineForATableHasTheSourceButNoLogin() {
        DataValidateRequest request = request(null, URL, "analytics.orders", null, "db-reader").validated("mlDataValidate");

        assertThat(request.cliArguments(null, "/ws@tmp/p.json")).containsExactly("validate", "--contract=ml/contract.yaml",
                "--jdbc=" + URL, "--table=analytics.orders", "--profile-out=/ws@tmp/p.json");
        assertThat(String.join(" ", request.cliArguments(null, "/p.json"))).doesNotContain("db-reader", "--jdbc-user-env",
                "--jdbc-password-env", "MLCICD_JDBC");
        assertThat(request.describeData()).isEqualTo("jdbc:postgresql://db.example.com:5432/features table analytics.orders");
    }

    @Test
    void commandLineForAQueryWithEachKindOfReference() {
        String query = "SELECT amount, country FROM orders WHERE day >= CURRENT_DATE - 7";
        DataValidateRequest last = new DataValidateRequest("c.yaml", null, DatabaseSource.of(URL, null, " " + query + "\n", null),
                "lastSuccessful", null).validated("mlDataValidate");

        assertThat(last.cliArguments("/tmp/ref.json", "/p.json")).containsExactly("validate", "--contract=c.yaml",
                "--jdbc=" + URL, "--query=" + query, "--reference-profile=/tmp/ref.json", "--profile-out=/p.json");
        assertThat(last.describeData()).isEqualTo("jdbc:postgresql://db.example.com:5432/features query: " + query);

        DataValidateRequest file = new DataValidateRequest("c.yaml", null, DatabaseSource.of(URL, null, query, null),
                "ref/train.parquet", new CsvFormat(";", null, true)).validated("mlDataValidate");
        assertThat(file.cliArguments(null, "/p.json")).containsExactly("validate", "--contract=c.yaml",
                "--jdbc=" + URL, "--query=" + query, "--reference=ref/train.parquet", "--delimiter=;", "--profile-out=/p.json");
    }

    @Test
    void theDescriptionOfTheSourceNeverShowsUserInfo() {
        DatabaseSource source = DatabaseSource.of("jdbc:postgresql://reader@db/features?user=reader", "orders", null, null);
        assertThat(source.describe()).doesNotContain("reader");
    }

    @Test
    void noDatabaseParametersIsNoDatabaseSource() {
        assertThat(DatabaseSource.of(null, " ", "", null)).isNull();
        assertThat(new DataValidateRequest("c.yaml", "d.csv", new DatabaseSource(null, null, null, null), null, null).database())
                .isNull();
        assertThat(new DataValidateRequest("c.yaml", "d.csv", null).database()).isNull();
    }

    @Test
    void onlyTheUserNameIsAnEnvironmentVariableOfTheEngine() {
        assertThat(DatabaseLogin.environment("reader")).containsExactly(Map.entry("MLCICD_JDBC_USER", "reader"));
        assertThat(DatabaseLogin.environment(null)).containsExactly(Map.entry("MLCICD_JDBC_USER", ""));
    }

    @Test
    void theEngineEnvironmentIsTheBuildsWithTheUserOnTopAndLeavesTheBuildsAlone() {
        Map<String, String> build = new HashMap<>(Map.of("PATH", "/usr/bin", "MLCICD_JDBC_USER", "from-withCredentials"));

        Map<String, String> engine = EngineCommand.environment(build, DatabaseLogin.environment("reader"));

        assertThat(engine).containsEntry("PATH", "/usr/bin").containsEntry("MLCICD_JDBC_USER", "reader").hasSize(2);
        assertThat(build).containsEntry("MLCICD_JDBC_USER", "from-withCredentials");
        assertThat(EngineCommand.environment(build, Map.of())).isEqualTo(build).isNotSameAs(build);
    }

    @Test
    void stepAndBuilderTakeTheDatabaseParameters() {
        DataValidateStep step = new DataValidateStep("ml/contract.yaml");
        step.setJdbc(" " + URL + " ");
        step.setQuery("SELECT * FROM orders");
        step.setCredentialsId(" db-reader ");
        step.setReference("lastSuccessful");

        assertThat(step.getData()).isNull();
        assertThat(step.request().database()).isEqualTo(new DatabaseSource(URL, null, "SELECT * FROM orders", "db-reader"));
        assertThat(step.request().validated("mlDataValidate").cliArguments("/r.json", "/p.json"))
                .containsExactly("validate", "--contract=ml/contract.yaml", "--jdbc=" + URL, "--query=SELECT * FROM orders",
                        "--reference-profile=/r.json", "--profile-out=/p.json");

        DataValidateStep files = new DataValidateStep("ml/contract.yaml", "data/train.csv");
        assertThat(files.request().database()).isNull();
        assertThat(files.getJdbc()).isNull();
    }

    @Test
    void theBuilderExpandsVariablesInTheSourceButNotInTheCredentialsId() {
        DataValidateBuilder builder = new DataValidateBuilder("ml/$MODEL.yaml");
        builder.setJdbc("jdbc:postgresql://$DB_HOST/features");
        builder.setTable("daily_$DAY");
        builder.setCredentialsId("${DB_LOGIN}");
        Map<String, String> env = Map.of("MODEL", "churn", "DB_HOST", "db.example.com", "DAY", "2026_11_28", "DB_LOGIN", "other");

        DataValidateRequest request = builder.request(value -> value == null ? null : expand(value, env));

        assertThat(request.contract()).isEqualTo("ml/churn.yaml");
        assertThat(request.database()).isEqualTo(new DatabaseSource("jdbc:postgresql://db.example.com/features", "daily_2026_11_28",
                null, "${DB_LOGIN}"));
        assertThat(request.validated("mlDataValidate").data()).isNull();
    }

    /** $NAME and ${NAME}, enough of EnvVars.expand for the test. */
    private static String expand(String value, Map<String, String> env) {
        String result = value;
        for (var entry : env.entrySet()) {
            result = result.replace("${" + entry.getKey() + "}", entry.getValue()).replace("$" + entry.getKey(), entry.getValue());
        }
        return result;
    }

    @Test
    void everyDatabaseParameterIsAFormField() {
        assertThat(DataValidateBuilder.FIELDS).containsSubsequence("data", "jdbc", "table", "query", "credentialsId", "reference");
        assertThat(List.copyOf(DataValidateBuilder.FIELDS)).doesNotHaveDuplicates();
    }
}
