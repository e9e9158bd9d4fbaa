package org.exchangehub.source.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The safety-inspection SOAP service of a department that is not in the demo (应急管理厅), served from
 * {@code windows/inspections.csv}: it answers the inspections changed inside the requested period, page by page,
 * and, like the real one, answers a Fault for a period longer than 366 days.
 */
final class Inspections {

    static final String NS = "urn:test:yjt:v1";
    static final DateTimeFormatter WINDOW = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    static final DateTimeFormatter CHANGED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Pattern START = Pattern.compile("<em:startTime>([^<]*)</em:startTime>");
    private static final Pattern END = Pattern.compile("<em:endTime>([^<]*)</em:endTime>");
    private static final Pattern PAGE = Pattern.compile("<em:pageNo>(\\d+)</em:pageNo>");
    private static final int PAGE_SIZE = 2;

    /** One inspection of the fixture. */
    record Inspection(String id, String enterprise, String result, LocalDateTime updatedAt) {
    }

    static final List<Inspection> ALL = load();

    /** A window start (as the request writes it) whose requests the service fails, or null. */
    final AtomicReference<String> failingStart = new AtomicReference<>();

    private static List<Inspection> load() {
        try (InputStream in = Inspections.class.getClassLoader().getResourceAsStream("windows/inspections.csv")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(","))
                    .map(f -> new Inspection(f[0], f[1], f[2], LocalDateTime.parse(f[3], CHANGED))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ids of the inspections changed in [from, to). */
    static List<String> idsChanged(LocalDateTime from, LocalDateTime to) {
        return ALL.stream().filter(i -> !i.updatedAt().isBefore(from) && i.updatedAt().isBefore(to))
                .map(Inspection::id).toList();
    }

    StubServer.Response answer(StubServer.Request r) {
        String start = group(START, r.body());
        String end = group(END, r.body());
        LocalDateTime from;
        LocalDateTime to;
        try {
            from = LocalDateTime.parse(start, WINDOW);
            to = LocalDateTime.parse(end, WINDOW);
        } catch (RuntimeException e) {
            return fault("startTime and endTime must be yyyyMMddHHmmss");
        }
        if (Duration.between(from, to).compareTo(Duration.ofDays(366)) > 0) {
            return fault("query period exceeds 366 days");
        }
        if (start.equals(failingStart.get())) {
            return fault("database unavailable");
        }
        int page = Integer.parseInt(group(PAGE, r.body()));
        StringBuilder items = new StringBuilder();
        ALL.stream().filter(i -> !i.updatedAt().isBefore(from) && i.updatedAt().isBefore(to))
                .skip((long) (page - 1) * PAGE_SIZE).limit(PAGE_SIZE)
                .forEach(i -> items.append("<em:inspection id=\"").append(i.id()).append("\"><em:enterprise>")
                        .append(i.enterprise()).append("</em:enterprise><em:result>").append(i.result())
                        .append("</em:result><em:updatedAt>").append(CHANGED.format(i.updatedAt()))
                        .append("</em:updatedAt></em:inspection>"));
        return new StubServer.Response(200, "text/xml", "<?xml version=\"1.0\"?><S:Envelope xmlns:S=\""
                + "http://schemas.xmlsoap.org/soap/envelope/\"><S:Body><em:QueryInspectionsResponse xmlns:em=\"" + NS
                + "\">" + items + "</em:QueryInspectionsResponse></S:Body></S:Envelope>", java.util.Map.of());
    }

    /** The (start, end) of a request as it wrote them. */
    static String[] window(StubServer.Request r) {
        return new String[] {group(START, r.body()), group(END, r.body())};
    }

    private static StubServer.Response fault(String reason) {
        return new StubServer.Response(500, "text/xml", "<S:Envelope xmlns:S=\"http://schemas.xmlsoap.org/soap/"
                + "envelope/\"><S:Body><S:Fault><faultcode>S:Client</faultcode><faultstring>" + reason
                + "</faultstring></S:Fault></S:Body></S:Envelope>", java.util.Map.of());
    }

    private static String group(Pattern p, String body) {
        Matcher m = p.matcher(body);
        return m.find() ? m.group(1) : "";
    }
}
