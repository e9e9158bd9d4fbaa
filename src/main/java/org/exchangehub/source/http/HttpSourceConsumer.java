package org.exchangehub.source.http;

import java.time.Clock;

import org.apache.camel.Processor;
import org.exchangehub.feed.FeedConsumer;
import org.exchangehub.feed.FeedRegistry;
import org.exchangehub.state.StateStore;

/**
 * What the REST and SOAP source consumers share: the endpoint, and the resilient HTTP client (camel-http) and the
 * authentication built once when the consumer starts; the client's connections close when it stops.
 *
 * @param <E> the endpoint type
 */
abstract class HttpSourceConsumer<E extends HttpSourceEndpoint> extends FeedConsumer {

    final E endpoint;
    final Clock clock;
    volatile ResilientHttp http;
    volatile Authentication auth;
    private volatile CamelHttp client;

    HttpSourceConsumer(E endpoint, Processor processor, StateStore state, FeedRegistry registry) {
        super(endpoint, processor, state, registry, endpoint.getFeed());
        this.endpoint = endpoint;
        this.clock = endpoint.clock();
    }

    @Override
    protected void doStart() throws Exception {
        client = endpoint.camelHttp();
        http = endpoint.resilientHttp(client);
        auth = endpoint.authenticationFor(http, clock);
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        CamelHttp stopping = client;
        client = null;
        if (stopping != null) {
            stopping.close();
        }
    }
}
