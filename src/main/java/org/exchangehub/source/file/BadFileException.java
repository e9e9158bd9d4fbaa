package org.exchangehub.source.file;

/**
 * A file that cannot be delivered as a whole: truncated, not parseable past some point, or refused (a DTD).
 * Such a file is moved to the error folder with a report; nothing of it is delivered.
 */
final class BadFileException extends java.io.IOException {

    private final String verdict;

    /**
     * @param verdict short code for the report: {@code TRUNCATED}, {@code UNPARSABLE}, {@code REFUSED}, {@code TOO_MANY_MALFORMED}
     * @param message what was wrong and where (line), never a value from the file
     */
    BadFileException(String verdict, String message) {
        super(message);
        this.verdict = verdict;
    }

    String verdict() {
        return verdict;
    }
}
