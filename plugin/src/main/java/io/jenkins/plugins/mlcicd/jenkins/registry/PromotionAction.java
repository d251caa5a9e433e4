package io.jenkins.plugins.mlcicd.jenkins.registry;

import io.jenkins.plugins.mlcicd.jenkins.common.Fact;
import io.jenkins.plugins.mlcicd.jenkins.common.MlResultAction;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.ResultKind;
import java.util.ArrayList;
import java.util.List;

/** One {@code mlPromote} on the build page: the alias move (or why there was none) and who made it. */
public final class PromotionAction extends MlResultAction {
    private final String actor;
    private final String move;

    PromotionAction(String id, ResultDocument document) {
        super(id, document);
        this.actor = document.fields().path("actor").asText(null);
        this.move = document.fields().has("move") ? document.summary() : null;
    }

    @Override
    public ResultKind kind() {
        return ResultKind.PROMOTION;
    }

    @Override
    protected String title() {
        return "ML promotion";
    }

    /** {@code jenkins:alice (Alice Smith, fraud #12)}, as the registry recorded it. */
    public String getActor() {
        return actor;
    }

    /** The move as the registry recorded it, or null when nothing moved. */
    public String getMove() {
        return move;
    }

    @Override
    public List<Fact> getFacts() {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Alias", move == null ? "not moved" : move, null));
        if (actor != null) {
            facts.add(new Fact("By", actor, null));
        }
        return facts;
    }
}
