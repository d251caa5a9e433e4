package io.jenkins.plugins.mlcicd.jenkins.registry;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.registry.Promote;
import java.math.BigDecimal;

/**
 * {@code mlPromote}'s own parameters, as either front end received them.
 *
 * @param model     registered model name
 * @param version   the version number (an Integer from a script, or text from a form or {@code env}), or null
 * @param fromAlias the alias whose version is promoted (e.g. {@code candidate}), or null
 * @param alias     the alias that moves (default {@value Promote#DEFAULT_ALIAS})
 * @param gate      the id of an {@code mlGate} earlier in this build, or the workspace path of a gate result document
 * @param reason    why; recorded in the alias history
 * @param force     promote even when the gate did not pass (recorded)
 */
public record PromoteRequest(String model, Object version, String fromAlias, String alias, String gate, String reason, boolean force) {
    public PromoteRequest {
        model = blankToNull(model);
        fromAlias = blankToNull(fromAlias);
        alias = alias == null || alias.isBlank() ? Promote.DEFAULT_ALIAS : alias.strip();
        gate = blankToNull(gate);
        if (version instanceof CharSequence text) {
            version = blankToNull(text.toString());
        }
    }

    /** Checks what the step can check without Jenkins; the engine checks the rest with the same words. */
    public PromoteRequest validated(String functionName) {
        if (model == null) {
            throw new BadInputException(functionName + ": model: required (the registered model name, e.g. 'fraud-model')");
        }
        if ((version == null) == (fromAlias == null)) {
            throw new BadInputException(functionName + ": give exactly one of version (e.g. version: 3) and fromAlias (e.g. fromAlias: 'candidate')");
        }
        versionNumber(functionName);
        if (gate == null) {
            throw new BadInputException(functionName + ": gate: required (the id of an mlGate earlier in this build, e.g. 'gate', "
                    + "or the workspace path of a gate result document): a promotion needs the gate's verdict as evidence");
        }
        if (reason == null || reason.isBlank()) {
            throw new BadInputException(functionName + ": reason: must not be empty; say why the alias moves");
        }
        return this;
    }

    /** The version as a number, or null when {@code fromAlias} names it. */
    public Integer versionNumber(String functionName) {
        if (version == null) {
            return null;
        }
        BigDecimal number;
        try {
            number = version instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(version.toString().strip());
        } catch (NumberFormatException e) {
            throw new BadInputException(functionName + ": version: expected a version number, not '" + version + "'");
        }
        if (number.signum() <= 0 || number.stripTrailingZeros().scale() > 0 || number.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw new BadInputException(functionName + ": version: expected a version number ≥ 1, not '" + version + "'");
        }
        return number.intValueExact();
    }

    /** What moves, for messages: {@code move alias 'champion' of fraud-model}. */
    public String describeMove() {
        return "move alias '" + alias + "' of " + model;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
