package io.jenkins.plugins.mlcicd.jenkins.data;

import io.jenkins.plugins.mlcicd.jenkins.common.Fact;
import io.jenkins.plugins.mlcicd.jenkins.common.MlResultAction;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.ResultKind;
import java.util.List;

/**
 * One {@code mlSkew} invocation on the build page. The document is the engine's training–serving skew
 * result, of kind {@code data-validation} like {@code mlcicd skew --out} writes it, and its page is the
 * same report as {@code mlcicd skew --html}: per feature the examples whose values differ (with samples)
 * and the drift between the two sides. Its id shares the namespace of {@code mlDataValidate}'s (the same
 * kind, so the same URL prefix and build-directory folder); the runners refuse a clash.
 */
public final class SkewAction extends MlResultAction {
    private final String training;
    private final String serving;
    private final String key;

    SkewAction(String id, ResultDocument document, SkewRequest request) {
        super(id, document);
        this.training = request.training();
        this.serving = request.serving();
        this.key = request.key();
    }

    @Override
    public ResultKind kind() {
        return ResultKind.DATA_VALIDATION;
    }

    @Override
    protected String title() {
        return "ML training–serving skew";
    }

    @Override
    public List<Fact> getFacts() {
        return List.of(new Fact("Training features", training, null), new Fact("Serving features", serving, null),
                new Fact("Joined on", key, null));
    }
}
