package io.jenkins.plugins.mlcicd.jenkins.common;

import hudson.model.ModelObject;
import hudson.model.Run;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.report.Html;
import java.util.List;

/**
 * The page behind a {@link MlResultAction} ({@code index.jelly}): the engine-rendered report inside
 * Jenkins' layout. The engine renders each kind of document its own way ({@code HtmlReport.fragment}, through {@link MlResultAction#renderReport}). The report HTML is escaped where it is made (the
 * engine's {@code report} classes pass every text through {@code Html.escape}) and carries classes and
 * SVG presentation attributes only, no script or style attribute.
 */
public final class ResultPage implements ModelObject {
    private final MlResultAction action;

    public ResultPage(MlResultAction action) {
        this.action = action;
    }

    public MlResultAction getAction() {
        return action;
    }

    /** The build, for the layout's breadcrumbs and side panel. */
    public Run<?, ?> getOwner() {
        return action.getOwner();
    }

    @Override
    public String getDisplayName() {
        return action.getDisplayName();
    }

    public List<Fact> getFacts() {
        return action.getFacts();
    }

    /** The report as escaped HTML, or an escaped note when the stored document cannot be read. */
    public String getReportHtml() {
        try {
            return action.renderReport(action.getResultDocument());
        } catch (BadInputException e) {
            return "<p class=\"mlcicd-missing\">" + Html.escape("The stored result cannot be read: " + e.getMessage()) + "</p>\n";
        }
    }
}
