package org.exchangehub.feed;

/**
 * The source's columns no longer fit the feed's mapping: a mapped column disappeared or changed type. The run stops
 * before it reads a record, so nothing is delivered and the watermark stays where it was.
 */
public final class SourceSchemaChangedException extends RuntimeException {

    public SourceSchemaChangedException(String message) {
        super(message);
    }
}
