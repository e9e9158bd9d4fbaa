package org.exchangehub.config;

/**
 * A password, token or key from configuration. Its {@code toString()} hides the value, so it can never reach
 * a log line, an exception message or a JMX attribute by accident; code that needs the value says so.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** Bound from configuration text (Spring's binder uses this factory). */
    public static Secret valueOf(String value) {
        return new Secret(value);
    }

    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value == null || value.isEmpty();
    }

    @Override
    public String toString() {
        return "[hidden]";
    }
}
