package org.exchangehub.source.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The hub-feed step fails fast on impossible options, naming the option and the fix, one test per mistake. */
class HubFeedEndpointTest {

    private CamelContext camel;

    @BeforeEach
    void start() {
        camel = new DefaultCamelContext();
        camel.addComponent("hub-feed", new HubFeedComponent());
        camel.start();
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    private Producer producer(String uri) throws Exception {
        return camel.getEndpoint(uri).createProducer();
    }

    @Test
    void aStepWithoutFormatIsRefused() {
        assertThatThrownBy(() -> producer("hub-feed:health.births")).hasMessage("hub-feed:health.births: option"
                + " format is required. Fix: use one of csv, fixed, xml, json, rows");
    }

    @Test
    void anUnknownFormatIsRefused() {
        assertThatThrownBy(() -> producer("hub-feed:health.births?format=xlsx")).hasMessageContaining(
                "option format = 'xlsx' unknown format");
    }

    @Test
    void fixedWidthWithoutALayoutIsRefused() {
        assertThatThrownBy(() -> producer("hub-feed:health.births?format=fixed")).hasMessage("hub-feed:health.births:"
                + " option layout is required for format fixed. Fix: set layout=...");
    }

    @Test
    void xmlWithoutColumnsIsRefused() {
        assertThatThrownBy(() -> producer("hub-feed:health.births?format=xml&recordElement=Person"))
                .hasMessageContaining("option columns XML needs the column names");
    }

    @Test
    void aDelimiterOfTwoCharactersIsRefused() {
        assertThatThrownBy(() -> producer("hub-feed:health.births?format=csv&delimiter=;;"))
                .hasMessageContaining("option delimiter = ';;' must be one character");
    }

    @Test
    void anUnknownCharsetIsRefused() {
        assertThatThrownBy(() -> producer("hub-feed:health.births?format=csv&charset=GB9999"))
                .hasMessageContaining("option charset = 'GB9999' unknown charset");
    }

    @Test
    void aBatchSizeBelowOneIsRefused() {
        assertThatThrownBy(() -> producer("hub-feed:health.births?format=csv&batchSize=0"))
                .hasMessageContaining("option batchSize = '0' must be at least 1");
    }

    @Test
    void aStepWithoutAFeedIdIsRefused() {
        assertThatThrownBy(() -> camel.getEndpoint("hub-feed:?format=csv")).rootCause()
                .hasMessageContaining("the feed id is missing");
    }

    @Test
    void anExchangeSentWhileNoRouteReadsTheFeedFailsNamingTheMissingRoute() throws Exception {
        Producer producer = producer("hub-feed:health.births?format=csv");
        Exchange exchange = new DefaultExchange(camel);
        exchange.getIn().setBody("A,B\n1,2\n");

        assertThatThrownBy(() -> producer.process(exchange)).hasMessageStartingWith("no started route reads from:"
                + " hub-feed:health.births");
        assertThat(exchange.getMessage().getHeader(HubFeedEndpoint.RUN_ID)).as("no run happened").isNull();
    }
}
