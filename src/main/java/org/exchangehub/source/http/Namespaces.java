package org.exchangehub.source.http;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;

/**
 * The prefixes an engineer uses in XPath expressions, bound to namespace URIs in the route ({@code
 * hr=http://…,soap=http://…}). They need not match the prefixes a response uses: XPath matches by URI.
 */
final class Namespaces implements NamespaceContext {

    private final Map<String, String> byPrefix;

    private Namespaces(Map<String, String> byPrefix) {
        this.byPrefix = byPrefix;
    }

    /** Parses {@code prefix=uri} pairs separated by commas or whitespace. */
    static Namespaces parse(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        if (text != null) {
            for (String pair : text.trim().split("[,\\s]+")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                if (eq <= 0 || eq == pair.length() - 1) {
                    throw new IllegalArgumentException("'" + pair + "' is not prefix=uri");
                }
                map.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return new Namespaces(map);
    }

    @Override
    public String getNamespaceURI(String prefix) {
        return byPrefix.getOrDefault(prefix, XMLConstants.NULL_NS_URI);
    }

    @Override
    public String getPrefix(String namespaceURI) {
        return byPrefix.entrySet().stream().filter(e -> e.getValue().equals(namespaceURI)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    @Override
    public Iterator<String> getPrefixes(String namespaceURI) {
        return byPrefix.entrySet().stream().filter(e -> e.getValue().equals(namespaceURI)).map(Map.Entry::getKey)
                .iterator();
    }
}
