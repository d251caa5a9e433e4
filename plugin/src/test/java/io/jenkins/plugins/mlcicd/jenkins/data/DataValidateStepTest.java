package io.jenkins.plugins.mlcicd.jenkins.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.jenkins.common.StepOptions;
import io.jenkins.plugins.mlcicd.result.Verdict;
import org.junit.jupiter.api.Test;

class DataValidateStepTest {
    @Test
    void defaults() {
        DataValidateStep step = new DataValidateStep("ml/contract.yaml", "data/train.parquet");

        assertThat(step.getId()).isEqualTo("data");
        assertThat(step.getReference()).isNull();
        assertThat(step.options()).isEqualTo(new StepOptions("mlDataValidate", "data", false, false));
        assertThat(step.request()).isEqualTo(new DataValidateRequest("ml/contract.yaml", "data/train.parquet", null));
    }

    @Test
    void settersTrimAndBlankMeansDefault() {
        DataValidateStep step = new DataValidateStep(" ml/contract.yaml ", "data/train.csv");
        step.setId(" train-data ");
        step.setReference(" lastSuccessful ");
        step.setStopBuild(true);
        step.setUnstableOnly(true);

        assertThat(step.options()).isEqualTo(new StepOptions("mlDataValidate", "train-data", true, true));
        assertThat(step.request().contract()).isEqualTo("ml/contract.yaml");
        assertThat(step.request().usesLastSuccessful()).isTrue();
        assertThat(step.request().referenceData()).isNull();

        step.setReference("  ");
        assertThat(step.getReference()).isNull();
    }

    @Test
    void builderHasTheSameOptions() {
        DataValidateBuilder builder = new DataValidateBuilder("ml/contract.yaml", "data/train.csv");
        assertThat(builder.options()).isEqualTo(new StepOptions("mlDataValidate", "data", false, false));
        builder.setId("serving");
        builder.setReference("data/ref.parquet");
        assertThat(builder.options().id()).isEqualTo("serving");
        assertThat(builder.getReference()).isEqualTo("data/ref.parquet");
    }

    @Test
    void cliArgumentsAreTheRequest() {
        DataValidateRequest none = new DataValidateRequest("ml/c.yaml", "-odd name.csv", null);
        assertThat(none.cliArguments(null, "/ws@tmp/p.json"))
                .containsExactly("validate", "--contract=ml/c.yaml", "--data=-odd name.csv", "--profile-out=/ws@tmp/p.json");

        DataValidateRequest data = new DataValidateRequest("ml/c.yaml", "d.csv", "ref/*.parquet");
        assertThat(data.referenceData()).isEqualTo("ref/*.parquet");
        assertThat(data.cliArguments("/ignored.json", "/p.json"))
                .containsExactly("validate", "--contract=ml/c.yaml", "--data=d.csv", "--reference=ref/*.parquet", "--profile-out=/p.json");

        DataValidateRequest last = new DataValidateRequest("ml/c.yaml", "d.csv", "lastSuccessful");
        assertThat(last.cliArguments("/tmp/ref.json", "/p.json"))
                .containsExactly("validate", "--contract=ml/c.yaml", "--data=d.csv", "--reference-profile=/tmp/ref.json", "--profile-out=/p.json");
        // the first build: no earlier profile, so no reference at all
        assertThat(last.cliArguments(null, "/p.json")).doesNotContain("--reference-profile=null").hasSize(4);
    }

    @Test
    void csvDialectIsPassedOnAndCheckedFirst() {
        DataValidateStep step = new DataValidateStep("c.yaml", "d.tsv");
        assertThat(step.isHeader()).isTrue();
        step.setDelimiter("tab");
        step.setQuote("'");
        step.setHeader(false);
        assertThat(step.request().csv()).isEqualTo(new CsvFormat("tab", "'", false));
        assertThat(step.request().validated("mlDataValidate").cliArguments(null, "/p.json"))
                .containsExactly("validate", "--contract=c.yaml", "--data=d.tsv", "--delimiter=tab", "--quote='", "--no-header",
                        "--profile-out=/p.json");

        step.setDelimiter("");
        step.setQuote(null);
        assertThat(step.request().csv()).isEqualTo(new CsvFormat(null, null, false));
        assertThat(new DataValidateRequest("c.yaml", "d.csv", null).csv()).isEqualTo(CsvFormat.DEFAULT);
        assertThat(CsvFormat.DEFAULT.cliArguments()).isEmpty();

        assertThatThrownBy(() -> new CsvFormat(";;", null, true).validated("mlDataValidate"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("mlDataValidate: delimiter: expected a single character, was ';;'");
        assertThatThrownBy(() -> new DataValidateRequest("c.yaml", "d.csv", null, new CsvFormat("'", "'", true)).validated("mlDataValidate"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("mlDataValidate: CSV delimiter and quote must differ");
    }

    @Test
    void contractAndDataAreRequired() {
        assertThatThrownBy(() -> new DataValidateRequest(" ", "d.csv", null).validated("mlDataValidate"))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("mlDataValidate: contract: required");
        assertThatThrownBy(() -> new DataValidateRequest("c.yaml", null, null).validated("mlDataValidate"))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("mlDataValidate: data or jdbc: required");
    }

    @Test
    void aReferenceBuildMustHaveSucceededAndItsValidationNotFailed() {
        assertThat(DataReference.qualifies(false, true, Verdict.PASSED)).isTrue();
        assertThat(DataReference.qualifies(false, true, Verdict.WARNING)).isTrue();
        // the first build had no reference: inconclusive drift, yet its data met the contract
        assertThat(DataReference.qualifies(false, true, Verdict.INCONCLUSIVE)).isTrue();
        assertThat(DataReference.qualifies(false, true, Verdict.FAILED)).isFalse();
        assertThat(DataReference.qualifies(false, false, Verdict.PASSED)).isFalse();
        assertThat(DataReference.qualifies(true, true, Verdict.PASSED)).isFalse();
    }
}
