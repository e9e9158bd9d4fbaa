package org.exchangehub.source.http;

import java.io.IOException;

import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathExpression;
import javax.xml.xpath.XPathExpressionException;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;

/**
 * Pulls a department's SOAP service (1.1 or 1.2, document/literal) into a feed: one request per page from a
 * template filled with the incremental window (or each time window walked) and the page number, records selected from each response by a
 * namespace-aware XPath, pages until an empty one. See {@link HttpSourceEndpoint} for authentication,
 * time-outs, retries and TLS.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "soap-source", title = "SOAP source",
        syntax = "soap-source:url", consumerOnly = true, category = { Category.WEBSERVICE })
public final class SoapSourceEndpoint extends HttpSourceEndpoint {

    @UriParam(defaultValue = "1.1", enums = "1.1,1.2", description = "The SOAP version of the service.")
    private String soapVersion = "1.1";

    @UriParam(description = "The operation's SOAP action (from the WSDL's soapAction), if it has one.")
    private String soapAction;

    @UriParam(description = "The request template: a file (relative to the working folder) or classpath:..., holding"
            + " a whole envelope or only the body's payload, with ${since}, ${until}, ${windowStart}, ${windowEnd},"
            + " ${page}, ${pageSize} and ${offset} placeholders.")
    @Metadata(required = true)
    private String requestTemplate;

    @UriParam(description = "The prefixes recordPath uses, bound to namespace URIs: prefix=uri pairs separated by"
            + " commas. They need not match the prefixes of the WSDL or the responses.")
    private String namespaces;

    @UriParam(description = "The XPath that selects the record elements in a response, e.g. //hr:enrolment.")
    @Metadata(required = true)
    private String recordPath;

    @UriParam(description = "The XPath of the number of records the service reports for the query (its window),"
            + " e.g. //hr:total; read from the first page, it is the run's source count for reconciliation.")
    private String totalPath;

    private volatile SoapTemplate template;

    SoapSourceEndpoint(String uri, SoapSourceComponent component, String url) {
        super(uri, component, url);
    }

    @Override
    protected String scheme() {
        return "soap-source";
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        SoapSourceConsumer consumer = new SoapSourceConsumer(this, processor, stateStore(), feedRegistry());
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    void validate() {
        super.validate();
        version();
        require("requestTemplate", requestTemplate, "every SOAP source");
        require("recordPath", recordPath, "every SOAP source");
        template();
        compileRecordPath();
        compileTotalPath();
        validateWindowPlaceholders();
    }

    /** A template that ignores the windows would ask for the same thing in every window, and the reverse. */
    private void validateWindowPlaceholders() {
        SoapTemplate t = template();
        boolean carriesWindow = t.uses("windowStart") || t.uses("windowEnd");
        if (isWindowed() && !carriesWindow && !t.uses("since") && !t.uses("until")) {
            fail("requestTemplate", getRequestTemplate(), "has no ${windowStart} or ${windowEnd}, so every time"
                    + " window would be asked for alike. Fix: put ${windowStart} and ${windowEnd} where the service"
                    + " takes the query's start and end");
        }
        if (!isWindowed() && carriesWindow) {
            fail("requestTemplate", getRequestTemplate(), "uses ${windowStart}/${windowEnd} but windowLength is not"
                    + " set, so they would be sent empty. Fix: give windowStart and windowLength, or use ${since}"
                    + " and ${until}");
        }
    }

    SoapVersion version() {
        try {
            return SoapVersion.parse(soapVersion);
        } catch (IllegalArgumentException e) {
            throw fail("soapVersion", soapVersion, "is not 1.1 or 1.2");
        }
    }

    SoapTemplate template() {
        if (template == null) {
            try {
                template = SoapTemplate.load(requestTemplate.trim(), version());
            } catch (IOException e) {
                throw fail("requestTemplate", requestTemplate, "cannot be read (" + e.getMessage() + ")");
            } catch (IllegalArgumentException e) {
                throw fail("requestTemplate", requestTemplate, "has an " + e.getMessage());
            }
        }
        return template;
    }

    /** A fresh compiled record XPath (XPath objects are not thread-safe; one per run). */
    XPathExpression compileRecordPath() {
        return compile("recordPath", recordPath);
    }

    /** A fresh compiled total XPath, or null without {@code totalPath}. */
    XPathExpression compileTotalPath() {
        return totalPath == null || totalPath.isBlank() ? null : compile("totalPath", totalPath);
    }

    private XPathExpression compile(String option, String expression) {
        XPath xpath = SecureXml.xpathFactory().newXPath();
        try {
            xpath.setNamespaceContext(Namespaces.parse(namespaces));
        } catch (IllegalArgumentException e) {
            throw fail("namespaces", namespaces, "has " + e.getMessage());
        }
        try {
            return xpath.compile(expression.trim());
        } catch (XPathExpressionException e) {
            throw fail(option, expression, "is not an XPath expression (" + e.getMessage()
                    + "); are its prefixes declared in namespaces?");
        }
    }

    public String getTotalPath() {
        return totalPath;
    }

    public void setTotalPath(String totalPath) {
        this.totalPath = totalPath;
    }

    public String getSoapVersion() {
        return soapVersion;
    }

    public void setSoapVersion(String soapVersion) {
        this.soapVersion = soapVersion;
    }

    public String getSoapAction() {
        return soapAction;
    }

    public void setSoapAction(String soapAction) {
        this.soapAction = soapAction;
    }

    public String getRequestTemplate() {
        return requestTemplate;
    }

    public void setRequestTemplate(String requestTemplate) {
        this.requestTemplate = requestTemplate;
        this.template = null;
    }

    public String getNamespaces() {
        return namespaces;
    }

    public void setNamespaces(String namespaces) {
        this.namespaces = namespaces;
    }

    public String getRecordPath() {
        return recordPath;
    }

    public void setRecordPath(String recordPath) {
        this.recordPath = recordPath;
    }
}
