/**
 * The Jenkins front end of the ML CI/CD engine: parameter binding, result handling, build actions
 * and views. Logic that can live outside Jenkins lives in the engine; classes here are glue.
 * {@code common} holds what every step shares (base step, builder, action, result handling);
 * each capability has its own package ({@code gate}, later {@code train}, {@code data}, ...).
 *
 * <p>A new step follows the gate: a {@code *Request} record of its own parameters, a {@code *Runner}
 * with one {@code perform(BuildContext, StepOptions, request, ResultHandler)} that ends in
 * {@code ResultPublisher.publish}, an {@code MlResultAction} subclass, an {@code MlStep} with an
 * {@code MlStepExecution} and an {@code MlBuilder}, help once next to the builder.
 *
 * <p>No localizer {@code Messages} classes: the localizer Maven plugin comes from the Jenkins
 * repository, which plugin-offline cannot reach. Java strings are English; views use Jelly's
 * {@code ${%...}} resource bundles.
 */
package io.jenkins.plugins.mlcicd.jenkins;
