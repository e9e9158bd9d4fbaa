package org.exchangehub.feed;

import java.util.Optional;

import org.apache.camel.CamelContext;

/** Tells which source columns a feed's mapping reads (a bean in the registry; none without mappings). */
public interface SourceExpectations {

    /** The columns the mapping of the feed (route id) reads, or empty when the feed's route maps nothing. */
    Optional<MappedColumns> of(CamelContext context, String feedId);
}
