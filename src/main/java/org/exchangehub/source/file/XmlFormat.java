package org.exchangehub.source.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.exchangehub.feed.SourceLayout;

/**
 * XML read with StAX, one record per record element (matched by namespace URI and local name, at any depth):
 * its child elements and attributes (configured as {@code @name}, named {@code name} in the records) become
 * the columns. DTDs and external entities are off; a
 * document that declares a DTD is refused as a whole. A record whose column element holds nested elements or
 * repeats is a malformed record; a document that is not well-formed is bad, and truncated when it ends early.
 */
final class XmlFormat implements FileFormat {

    private final XMLInputFactory factory;
    private final Charset charset;
    private final String namespace;
    private final String element;
    private final SourceLayout layout;
    private final java.util.Map<String, Integer> elements = new java.util.HashMap<>();
    private final java.util.Map<String, Integer> attributes = new java.util.HashMap<>();

    XmlFormat(Charset charset, String namespace, String element, List<String> columns) {
        this.charset = charset;
        this.namespace = namespace == null ? "" : namespace;
        this.element = element;
        List<String> names = new java.util.ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            String c = columns.get(i);
            if (c.startsWith("@")) {
                attributes.put(c.substring(1), i);
                names.add(c.substring(1));
            } else {
                elements.put(c, i);
                names.add(c);
            }
        }
        this.layout = new SourceLayout(names);
        this.factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    }

    @Override
    public boolean isLineBased() {
        return false;
    }

    @Override
    public RecordReader open(InputStream in) throws IOException {
        try {
            return new Reader(factory.createXMLStreamReader(Boms.skip(in, charset), charset.name()), in);
        } catch (XMLStreamException e) {
            throw bad(e);
        }
    }

    private static BadFileException bad(XMLStreamException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
        if (message.toLowerCase(Locale.ROOT).contains("unexpected eof") || message.contains("EOF")) {
            return new BadFileException("TRUNCATED", "the document ends before its elements are closed (line " + line + ")");
        }
        String first = message.lines().filter(l -> !l.isBlank() && !l.startsWith(" at [")).findFirst().orElse(message);
        return new BadFileException("UNPARSABLE", "not well-formed XML at line " + line + ": " + first);
    }

    private final class Reader implements RecordReader {

        private final XMLStreamReader xml;
        private final InputStream in;

        Reader(XMLStreamReader xml, InputStream in) {
            this.xml = xml;
            this.in = in;
        }

        @Override
        public SourceLayout layout() {
            return layout;
        }

        @Override
        public ParsedLine next() throws IOException {
            try {
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamConstants.DTD) {
                        throw new BadFileException("REFUSED", "the document declares a DTD (line "
                                + xml.getLocation().getLineNumber() + "); DTDs and external entities are not read");
                    }
                    if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                        throw new BadFileException("REFUSED", "the document uses an entity reference (line "
                                + xml.getLocation().getLineNumber() + ")");
                    }
                    if (event == XMLStreamConstants.START_ELEMENT && isRecord()) {
                        return record();
                    }
                }
                return null;
            } catch (XMLStreamException e) {
                throw bad(e);
            }
        }

        private boolean isRecord() {
            String ns = xml.getNamespaceURI();
            return element.equals(xml.getLocalName()) && namespace.equals(ns == null ? "" : ns);
        }

        private ParsedLine record() throws XMLStreamException, BadFileException {
            long line = xml.getLocation().getLineNumber();
            Object[] values = new Object[layout.size()];
            String problem = null;
            String problemColumn = null;
            for (int i = 0; i < xml.getAttributeCount(); i++) {
                Integer c = attributes.get(xml.getAttributeLocalName(i));
                if (c != null) {
                    values[c] = xml.getAttributeValue(i);
                }
            }
            StringBuilder raw = new StringBuilder();
            int depth = 1;
            while (depth > 0) {
                int event = xml.next();
                if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new BadFileException("REFUSED", "the document uses an entity reference (line "
                            + xml.getLocation().getLineNumber() + ")");
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (depth == 1) {
                        String name = xml.getLocalName();
                        int c = elements.getOrDefault(name, -1);
                        String text = childText();
                        raw.append('<').append(name).append('>').append(text == null ? "" : text)
                                .append("</").append(name).append('>');
                        if (text == null && problem == null) {
                            problem = "the element holds nested elements where a value is expected";
                            problemColumn = name;
                        } else if (c >= 0 && values[c] != null && problem == null) {
                            problem = "the element appears more than once in the record";
                            problemColumn = name;
                        } else if (c >= 0) {
                            values[c] = text;
                        }
                    } else {
                        depth++;
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
            if (problem != null) {
                return ParsedLine.malformed(line, problemColumn, problem, raw.toString());
            }
            return ParsedLine.ok(line, values);
        }

        /** The text of a column element (the reader ends on its end tag), or null when it nests elements. */
        private String childText() throws XMLStreamException {
            StringBuilder text = new StringBuilder();
            boolean nested = false;
            int depth = 1;
            while (depth > 0) {
                int event = xml.next();
                switch (event) {
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (depth == 1) {
                            text.append(xml.getText());
                        }
                    }
                    case XMLStreamConstants.START_ELEMENT -> {
                        nested = true;
                        depth++;
                    }
                    case XMLStreamConstants.END_ELEMENT -> depth--;
                    default -> {
                    }
                }
            }
            return nested ? null : text.toString();
        }

        @Override
        public void close() throws IOException {
            try {
                xml.close();
            } catch (XMLStreamException e) {
                // closing only releases the parser
            } finally {
                in.close();
            }
        }
    }
}
