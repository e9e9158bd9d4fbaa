package org.exchangehub.source.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SOAP request template: a whole envelope, or only the body's payload (then wrapped into an envelope of the
 * configured version), with placeholders {@code ${since}}, {@code ${until}}, {@code ${windowStart}},
 * {@code ${windowEnd}}, {@code ${page}}, {@code ${pageSize}} and {@code ${offset}} filled in, XML-escaped, for
 * each page. Split once when loaded and filled by the hub alone, in one pass: the file never goes through Camel's
 * Simple language or property placeholders, so nothing in it (or in a value put into it) is evaluated.
 */
final class SoapTemplate {

    static final Set<String> PLACEHOLDERS = Set.of("since", "until", "page", "pageSize", "offset", "windowStart",
            "windowEnd");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z]+)}");
    private static final Pattern ENVELOPE = Pattern.compile(
            "^\\s*(<\\?xml[^>]*\\?>\\s*)?(<!--.*?-->\\s*)*<([A-Za-z_][\\w.-]*:)?Envelope[\\s>]", Pattern.DOTALL);

    private final List<String> literals;
    private final List<String> names;

    private SoapTemplate(List<String> literals, List<String> names) {
        this.literals = literals;
        this.names = names;
    }

    /** Loads a template from a file (relative to the working folder) or {@code classpath:...}. */
    static SoapTemplate load(String location, SoapVersion version) throws IOException {
        String text;
        if (location.startsWith("classpath:")) {
            String resource = location.substring("classpath:".length()).replaceFirst("^/", "");
            try (InputStream in = SoapTemplate.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("no such resource on the classpath");
                }
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } else {
            text = Files.readString(Path.of(location), StandardCharsets.UTF_8);
        }
        return parse(text, version);
    }

    static SoapTemplate parse(String text, SoapVersion version) {
        String envelope = ENVELOPE.matcher(text).find() ? text : version.envelope(text.strip());
        List<String> literals = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(envelope);
        int last = 0;
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                throw new IllegalArgumentException("unknown placeholder ${" + m.group(1) + "}; use "
                        + "${since}, ${until}, ${windowStart}, ${windowEnd}, ${page}, ${pageSize} or ${offset}");
            }
            literals.add(envelope.substring(last, m.start()));
            names.add(m.group(1));
            last = m.end();
        }
        literals.add(envelope.substring(last));
        return new SoapTemplate(List.copyOf(literals), List.copyOf(names));
    }

    /** Whether the template has the placeholder {@code ${name}}. */
    boolean uses(String name) {
        return names.contains(name);
    }

    /** The request for these values; a missing value becomes empty. */
    String render(Map<String, Object> values) {
        StringBuilder sb = new StringBuilder(256);
        for (int i = 0; i < names.size(); i++) {
            sb.append(literals.get(i));
            Object v = values.get(names.get(i));
            escape(v == null ? "" : v.toString(), sb);
        }
        return sb.append(literals.get(literals.size() - 1)).toString();
    }

    private static void escape(String s, StringBuilder sb) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> sb.append(c);
            }
        }
    }
}
