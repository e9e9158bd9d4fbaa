package org.exchangehub.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a configuration problem at start-up into a short report instead of a stack trace. */
public final class ConfigFailureAnalyzer extends AbstractFailureAnalyzer<ConfigException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ConfigException cause) {
        String description = "Exchange Hub configuration is invalid:\n  file:    " + cause.file()
                + (cause.key() == null ? "" : "\n  key:     " + cause.key())
                + (cause.value() == null ? "" : "\n  value:   " + cause.value())
                + "\n  problem: " + cause.problem();
        return new FailureAnalysis(description, cause.fix() == null ? "Correct the file and start again." : cause.fix(),
                cause);
    }
}
