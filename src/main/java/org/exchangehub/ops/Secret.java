package org.exchangehub.ops;

import java.util.Objects;

/** A password or key from configuration whose {@code toString()} hides it, so that it never reaches a log line. */
public final class Secret {

    private final String value;

    /** Bound from configuration text. */
    public Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** The secret itself: call only where it is used, never to print it. */
    public String reveal() {
        return value;
    }

    public boolean isBlank() {
        return value.isBlank();
    }

    @Override
    public String toString() {
        return "[hidden]";
    }
}
