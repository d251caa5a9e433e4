package io.jenkins.plugins.mlcicd.jenkins.canary;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.jenkins.common.AgentEngine;
import io.jenkins.plugins.mlcicd.jenkins.common.BuildContext;
import io.jenkins.plugins.mlcicd.jenkins.common.MlBuilder;
import io.jenkins.plugins.mlcicd.jenkins.common.MlBuilderDescriptor;
import io.jenkins.plugins.mlcicd.jenkins.common.ResultHandler;
import io.jenkins.plugins.mlcicd.jenkins.common.ResultPublisher;
import io.jenkins.plugins.mlcicd.jenkins.common.StepOptions;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The canary as a freestyle build step, with the same fields as {@code mlCanary}. A freestyle build
 * holds its executor while it runs and does not survive a controller restart, so this runs the engine
 * in the foreground ({@link AgentEngine#run}): aborting the build kills it (SIGTERM first: it starts
 * rolling back) and {@code --abort} then finishes the rollback on the same state before the step ends.
 * For rollouts that must survive a restart, use the Pipeline step. No {@code @Symbol}: in Pipeline,
 * {@code mlCanary} is the asynchronous step.
 */
public final class CanaryBuilder extends MlBuilder {
    static final String DEFAULT_ID = "canary";
    /** Every configurable field; each has a {@code help-<field>.html} next to this class's config.jelly. */
    static final List<String> FIELDS = List.of("plan", "planYaml", "onResume", "model", "version", "id", "stopBuild",
            "unstableOnly", "checksName", "skipPublishingChecks");

    private String plan;
    private String planYaml;
    private String onResume;
    private String model;
    private String version;

    @DataBoundConstructor
    public CanaryBuilder() {
        // every parameter is optional on its own; the request checks that a plan is given
    }

    public String getPlan() {
        return plan;
    }

    @DataBoundSetter
    public void setPlan(String plan) {
        this.plan = CanaryRequest.trimmed(plan);
    }

    public String getPlanYaml() {
        return planYaml;
    }

    @DataBoundSetter
    public void setPlanYaml(String planYaml) {
        this.planYaml = planYaml == null || planYaml.isBlank() ? null : planYaml;
    }

    public String getOnResume() {
        return onResume;
    }

    @DataBoundSetter
    public void setOnResume(String onResume) {
        this.onResume = CanaryRequest.trimmed(onResume);
    }

    public String getModel() {
        return model;
    }

    @DataBoundSetter
    public void setModel(String model) {
        this.model = CanaryRequest.trimmed(model);
    }

    public String getVersion() {
        return version;
    }

    @DataBoundSetter
    public void setVersion(String version) {
        this.version = CanaryRequest.trimmed(version);
    }

    /** The request with the build's {@code $VARIABLES} expanded in the plan's path, the model and the version (not in the inline plan: {@code ${WEIGHT}} is the engine's). */
    CanaryRequest request(EnvVars env) {
        return new CanaryRequest(expand(env, plan), planYaml, OnResume.parse(CanaryStep.FUNCTION_NAME, onResume),
                expand(env, model), expand(env, version));
    }

    @Override
    protected String functionName() {
        return CanaryStep.FUNCTION_NAME;
    }

    @Override
    protected String defaultId() {
        return DEFAULT_ID;
    }

    @Override
    protected void perform(BuildContext build, StepOptions options, ResultHandler handler) throws IOException, InterruptedException {
        CanaryRequest request;
        CanaryRunner.Prepared prepared;
        String actor;
        try {
            request = request(build.env());
            actor = CanaryRunner.authorize(build.run(), options, request);
            prepared = CanaryRunner.prepare(build, options, request);
        } catch (BadInputException e) {
            throw ResultPublisher.badInput(options, e);
        }
        String prefix = ResultPublisher.logPrefix(options);
        PrintStream log = build.listener().getLogger();
        Map<String, String> secrets = CanaryRunner.secretsEnvironment(prepared);
        try {
            ResultDocument document;
            try {
                document = AgentEngine.run(build, prefix, prepared.workDir(), CanaryArguments.rollout(prepared.files(),
                        request.onResume(), false), secrets, prepared.masks(), null);
            } catch (InterruptedException aborted) {
                // the launcher killed the engine (SIGTERM first, so it started the rollback); finish the rollback
                log.println(prefix + "build aborted: rolling back with mlcicd canary --abort");
                ResultDocument rolledBack = AgentEngine.run(build, prefix, prepared.workDir(),
                        CanaryArguments.abort(prepared.files(), false), secrets, prepared.masks(), null);
                CanaryRunner.publish(build, options, request, rolledBack, new CanaryAction(options.id(), rolledBack, request, false), handler, actor);
                throw aborted;
            }
            CanaryRunner.publish(build, options, request, document, new CanaryAction(options.id(), document, request, false), handler, actor);
        } catch (BadInputException e) {
            throw ResultPublisher.badInput(options, e);
        } finally {
            AgentEngine.deleteQuietly(prepared.workDir(), log, prefix);
        }
    }

    @Extension
    public static final class DescriptorImpl extends MlBuilderDescriptor {
        @NonNull
        @Override
        public String getDisplayName() {
            return "ML canary (staged rollout with guardrails)";
        }

        @POST
        public FormValidation doCheckPlan(@AncestorInPath Item item, @QueryParameter String value, @QueryParameter String planYaml) {
            return CanaryForms.checkPlan(item, value, planYaml);
        }

        @POST
        public FormValidation doCheckVersion(@AncestorInPath Item item, @QueryParameter String value, @QueryParameter String model) {
            return CanaryForms.checkVersion(item, value, model);
        }

        @POST
        public ListBoxModel doFillOnResumeItems(@AncestorInPath Item item) {
            return CanaryForms.onResumeItems(item);
        }
    }
}
