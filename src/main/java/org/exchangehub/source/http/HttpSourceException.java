package org.exchangehub.source.http;

/**
 * A service pull failed in a way that retrying will not mend (refused credentials, a SOAP Fault, a malformed
 * response, retries exhausted). The message names the request and what to check; it never holds a secret.
 */
final class HttpSourceException extends RuntimeException {

    HttpSourceException(String message) {
        super(message);
    }

    HttpSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
