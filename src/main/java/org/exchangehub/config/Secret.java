package org.exchangehub.config;

import java.util.Objects;

/**
 * A password, token or key: its {@link #toString()} hides the value, so that a secret passed through options,
 * exceptions or log lines never shows up in clear. Only the code that sends it calls {@link #reveal()}.
 */
public final class Secret {

    /** The empty secret (no password configured). */
    public static final Secret NONE = new Secret("");
    private static final String HIDDEN = "[hidden]";

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** Wraps a value; null or blank gives the empty secret. */
    public static Secret of(String value) {
        return value == null || value.isBlank() ? NONE : new Secret(value);
    }

    /** The same as {@link #of(String)}; the name Spring's configuration binder looks for. */
    public static Secret valueOf(String value) {
        return of(value);
    }

    /** The value in clear: call it only where the secret is sent or used, never to log. */
    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(value);
    }

    @Override
    public String toString() {
        return isEmpty() ? "" : HIDDEN;
    }
}
