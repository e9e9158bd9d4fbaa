package org.exchangehub.source.http;

import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpression;
import javax.xml.xpath.XPathExpressionException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reads a SOAP response: a Fault (1.1 or 1.2) becomes a {@link SoapFaultException}; otherwise the elements the
 * record XPath selects become source records, named by local names so that the response's prefixes do not
 * matter: attributes and child elements by their local name, nested elements with dotted names.
 */
final class XmlRecords {

    private final XPathExpression recordPath;
    private final RecordAssembler assembler;
    private int selected;

    XmlRecords(XPathExpression recordPath, RecordAssembler assembler) {
        this.recordPath = recordPath;
        this.assembler = assembler;
    }

    PageRecords convert(Document response, String request, int page) {
        Element fault = fault(response);
        if (fault != null) {
            throw faultOf(fault, request);
        }
        NodeList nodes;
        try {
            nodes = (NodeList) recordPath.evaluate(response, XPathConstants.NODESET);
        } catch (XPathExpressionException e) {
            throw new HttpSourceException("recordPath cannot be evaluated on the answer to " + request + ": "
                    + e.getMessage());
        }
        selected = nodes.getLength();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            String fallbackKey = "page " + page + " #" + (i + 1);
            if (!(n instanceof Element e)) {
                assembler.malformed(fallbackKey, n.getTextContent(), "recordPath selected a "
                        + n.getClass().getSimpleName() + ", not an element");
                continue;
            }
            assembler.add(flatten(e, "", assembler.values()), fallbackKey);
        }
        return assembler.finishPage();
    }

    /** How many nodes the record XPath selected on the last page (0: paging has ended). */
    int selected() {
        return selected;
    }

    private Object[] flatten(Element element, String prefix, Object[] values) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node a = attributes.item(i);
            if ("http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI())) {
                continue;
            }
            values = assembler.put(values, prefix + name(a), a.getNodeValue());
        }
        for (Node c = element.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element child) {
                String name = prefix + name(child);
                if (hasElementChildren(child)) {
                    values = flatten(child, name + ".", values);
                } else if (isNil(child)) {
                    values = assembler.put(values, name, null);
                } else {
                    values = assembler.put(values, name, child.getTextContent());
                }
            }
        }
        return values;
    }

    private static String name(Node n) {
        return n.getLocalName() == null ? n.getNodeName() : n.getLocalName();
    }

    private static boolean hasElementChildren(Element e) {
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNil(Element e) {
        return "true".equals(e.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "nil"));
    }

    /** The Fault element in the Body, of either SOAP version, or null. */
    static Element fault(Document response) {
        Element envelope = response.getDocumentElement();
        if (envelope == null || !"Envelope".equals(envelope.getLocalName())) {
            return null;
        }
        Element body = child(envelope, "Body");
        Element first = body == null ? null : firstElement(body);
        return first != null && "Fault".equals(first.getLocalName()) && isSoap(first.getNamespaceURI()) ? first : null;
    }

    private static SoapFaultException faultOf(Element fault, String request) {
        String code;
        String reason;
        if (SoapVersion.V1_2.namespace().equals(fault.getNamespaceURI())) {
            Element c = child(fault, "Code");
            code = text(c == null ? null : child(c, "Value"));
            Element r = child(fault, "Reason");
            reason = text(r == null ? null : child(r, "Text"));
        } else {
            code = text(child(fault, "faultcode"));
            reason = text(child(fault, "faultstring"));
        }
        return new SoapFaultException(request, code == null ? "(no fault code)" : code,
                reason == null ? "(no fault string)" : reason);
    }

    private static boolean isSoap(String ns) {
        return SoapVersion.V1_1.namespace().equals(ns) || SoapVersion.V1_2.namespace().equals(ns);
    }

    private static Element child(Element parent, String localName) {
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static Element firstElement(Element parent) {
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element e) {
        return e == null ? null : e.getTextContent().trim();
    }
}
