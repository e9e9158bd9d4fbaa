package org.exchangehub.protect;

/** A value that cannot be protected or given back (a modified token, a key that is not there). Never holds a value. */
public final class ProtectionException extends RuntimeException {

    public ProtectionException(String message) {
        super(message);
    }

    public ProtectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
