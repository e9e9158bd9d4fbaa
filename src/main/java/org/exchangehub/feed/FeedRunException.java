package org.exchangehub.feed;

/** A run failed: a batch was not delivered or its state could not be committed. */
public final class FeedRunException extends RuntimeException {

    public FeedRunException(String message, Throwable cause) {
        super(message, cause);
    }
}
