package io.jenkins.plugins.mlcicd.jenkins.common;

import hudson.model.Action;
import hudson.model.Run;
import io.jenkins.plugins.mlcicd.report.HtmlReport;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.ResultKind;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.lang.ref.SoftReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import jenkins.model.RunAction2;
import jenkins.tasks.SimpleBuildStep;
import org.kohsuke.stapler.StaplerProxy;

/**
 * The build action of one ML step invocation. build.xml keeps only what the build page's summary
 * needs (verdict, summary line, the key checks, as strings); the full result document stays in the
 * build directory ({@link RunStore}) and is read when the action's page is opened.
 * Views: {@code summary.jelly} here (inherited by every subclass), the page is {@link ResultPage}.
 */
public abstract class MlResultAction implements RunAction2, SimpleBuildStep.LastBuildAction, StaplerProxy {
    /** How many checks the build page's summary lists. */
    public static final int KEY_CHECK_COUNT = 3;

    private final String id;
    // not final: a long-running step's action shows its progress (refresh)
    private volatile String verdict;
    private volatile String summary;
    private volatile int checkCount;
    private volatile List<KeyCheck> keyChecks;

    private transient Run<?, ?> owner;
    private transient SoftReference<ResultDocument> document;

    protected MlResultAction(String id, ResultDocument document) {
        this.id = id;
        this.verdict = document.verdict().name();
        this.summary = document.summary();
        this.checkCount = document.checks().size();
        this.keyChecks = KeyCheck.select(document.checks(), KEY_CHECK_COUNT);
        this.document = new SoftReference<>(document);
    }

    /**
     * Shows a newer document of the same step (a long-running step's progress); the caller has
     * written it to {@link RunStore} first, where the page reads it.
     */
    protected void refresh(ResultDocument newer) {
        this.verdict = newer.verdict().name();
        this.summary = newer.summary();
        this.checkCount = newer.checks().size();
        this.keyChecks = KeyCheck.select(newer.checks(), KEY_CHECK_COUNT);
        this.document = new SoftReference<>(newer);
    }

    /** The kind of result document this action shows; also names its directory and URL. */
    public abstract ResultKind kind();

    /** What the action is called on the build page, e.g. {@code ML gate}. */
    protected abstract String title();

    public String getId() {
        return id;
    }

    public Verdict getVerdict() {
        return Verdict.valueOf(verdict);
    }

    /** CSS classes of the verdict badge, as the engine's report uses them. */
    public String getVerdictClass() {
        return "mlcicd-verdict mlcicd-verdict-" + verdict.toLowerCase(Locale.ROOT);
    }

    public String getSummary() {
        return summary;
    }

    public int getCheckCount() {
        return checkCount;
    }

    public List<KeyCheck> getKeyChecks() {
        return keyChecks;
    }

    /** How many checks the summary does not list. */
    public int getOtherCheckCount() {
        return checkCount - keyChecks.size();
    }

    /** Lines shown above the report on the action's page; none by default. */
    public List<Fact> getFacts() {
        return List.of();
    }

    public Run<?, ?> getOwner() {
        return owner;
    }

    @Override
    public void onAttached(Run<?, ?> run) {
        this.owner = run;
    }

    @Override
    public void onLoad(Run<?, ?> run) {
        this.owner = run;
    }

    @Override
    public String getIconFileName() {
        return "symbol-analytics";
    }

    @Override
    public String getDisplayName() {
        return title() + " (" + id + ")";
    }

    @Override
    public String getUrlName() {
        return "mlcicd-" + kind().id() + "-" + id;
    }

    @Override
    public Collection<? extends Action> getProjectActions() {
        return new ArrayList<>();
    }

    @Override
    public ResultPage getTarget() {
        return new ResultPage(this);
    }

    /** This invocation's directory in the build directory. */
    public Path getDirectory() {
        return RunStore.directory(owner, kind(), id);
    }

    /**
     * The stored result document, read on first use and kept while memory allows.
     *
     * @throws io.jenkins.plugins.mlcicd.input.BadInputException when the file is missing or damaged
     */
    public ResultDocument getResultDocument() {
        ResultDocument cached = document == null ? null : document.get();
        if (cached == null) {
            cached = RunStore.readResult(getDirectory());
            document = new SoftReference<>(cached);
        }
        return cached;
    }

    /**
     * The report the action's page embeds: the engine's rendering of the stored document. An action
     * whose page shows more (a comparison with an earlier build's result) renders it here, again with
     * the engine's renderers only (escaped where made, classes only).
     */
    protected String renderReport(ResultDocument document) {
        return HtmlReport.fragment(document);
    }
}
