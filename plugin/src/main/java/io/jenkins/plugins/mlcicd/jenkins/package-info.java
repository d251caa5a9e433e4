/**
 * The Jenkins front end of the ML CI/CD engine: parameter binding, result handling, build actions
 * and views. Logic that can live outside Jenkins lives in the engine; classes here are glue.
 * {@code common} holds what every step shares (base step, builder, action, result handling);
 * each capability has its own package ({@code gate}, later {@code train}, {@code data}, ...).
 */
package io.jenkins.plugins.mlcicd.jenkins;
