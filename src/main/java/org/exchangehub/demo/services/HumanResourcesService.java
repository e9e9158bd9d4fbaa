package org.exchangehub.demo.services;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import com.sun.net.httpserver.HttpExchange;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The simulated human-resources and social-security SOAP 1.1 service (document/literal, basic authentication):
 * {@code QueryEnrolments(updatedFrom, updatedTo, pageNo, pageSize)} answers the enrolments changed in the window,
 * oldest first, with the {@code S:}/{@code ns2:} prefixes a JAX-WS server uses (the WSDL says {@code tns:}). The
 * WSDL is served at {@code ?wsdl}. Too large a page is answered with a SOAP Fault.
 */
final class HumanResourcesService {

    static final String PATH = "/demo/human-resources/SocialInsuranceService";
    static final String NAMESPACE = "http://hrss.fujian.gov.cn/ws/social-insurance/v1";
    static final String USER = "exchange-hub";
    private static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final int MAX_PAGE_SIZE = 200;
    private static final java.time.format.DateTimeFormatter TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final List<HumanResourcesEnrolments.Enrolment> enrolments;
    private final String password;
    private final String wsdl;

    HumanResourcesService(List<HumanResourcesEnrolments.Enrolment> enrolments, String password, String address)
            throws IOException {
        this.enrolments = enrolments;
        this.password = password;
        try (InputStream in = getClass().getResourceAsStream("/demo/human-resources/SocialInsuranceService.wsdl")) {
            this.wsdl = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${address}", address);
        }
    }

    void handle(HttpExchange exchange) throws IOException {
        if ("GET".equals(exchange.getRequestMethod())) {
            DemoHttp.send(exchange, 200, "text/xml; charset=utf-8", wsdl);
            return;
        }
        if (!DemoHttp.hasBasic(exchange, USER, password)) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"hrss\"");
            DemoHttp.send(exchange, 401, "text/plain", "");
            return;
        }
        Document request;
        try {
            request = parse(exchange.getRequestBody().readAllBytes());
        } catch (Exception e) {
            fault(exchange, "S:Client", "请求报文无法解析");
            return;
        }
        int page;
        int size;
        LocalDateTime from;
        LocalDateTime to;
        try {
            page = Integer.parseInt(text(request, "pageNo"));
            size = Integer.parseInt(text(request, "pageSize"));
            String f = text(request, "updatedFrom");
            from = f.isEmpty() ? LocalDateTime.MIN : LocalDateTime.parse(f);
            String t = text(request, "updatedTo");
            to = t.isEmpty() ? LocalDateTime.MAX : LocalDateTime.parse(t);
        } catch (RuntimeException e) {
            fault(exchange, "S:Client", "参数错误: pageNo, pageSize, updatedFrom, updatedTo");
            return;
        }
        if (size > MAX_PAGE_SIZE || size < 1 || page < 1) {
            fault(exchange, "S:Client", "每页条数须在 1 到 " + MAX_PAGE_SIZE + " 之间");
            return;
        }
        List<HumanResourcesEnrolments.Enrolment> window = enrolments.stream()
                .filter(e -> !e.updatedAt().isBefore(from) && e.updatedAt().isBefore(to)).toList();
        StringBuilder sb = new StringBuilder(512 + size * 400).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .append("<S:Envelope xmlns:S=\"").append(SOAP11).append("\"><S:Body><ns2:QueryEnrolmentsResponse xmlns:ns2=\"")
                .append(NAMESPACE).append("\"><ns2:total>").append(window.size()).append("</ns2:total>");
        int start = (page - 1) * size;
        for (int i = start; i < Math.min(window.size(), start + size); i++) {
            HumanResourcesEnrolments.Enrolment e = window.get(i);
            sb.append("<ns2:enrolment id=\"").append(e.enrolmentId()).append("\">")
                    .append("<ns2:idNumber>").append(DemoHttp.xml(e.idNumber())).append("</ns2:idNumber>")
                    .append("<ns2:insuranceType>").append(e.insuranceType()).append("</ns2:insuranceType>")
                    .append("<ns2:employerUscc>").append(e.employerUscc()).append("</ns2:employerUscc>")
                    .append("<ns2:startDate>").append(e.startDate()).append("</ns2:startDate>")
                    .append("<ns2:status>").append(e.status()).append("</ns2:status>")
                    .append("<ns2:monthlyBase>").append(e.monthlyBase().toPlainString()).append("</ns2:monthlyBase>")
                    .append("<ns2:updatedAt>").append(TIME.format(e.updatedAt())).append("</ns2:updatedAt>")
                    .append("</ns2:enrolment>");
        }
        sb.append("</ns2:QueryEnrolmentsResponse></S:Body></S:Envelope>");
        DemoHttp.send(exchange, 200, "text/xml; charset=utf-8", sb.toString());
    }

    private static void fault(HttpExchange exchange, String code, String message) throws IOException {
        DemoHttp.send(exchange, 500, "text/xml; charset=utf-8", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<S:Envelope xmlns:S=\"" + SOAP11 + "\"><S:Body><S:Fault><faultcode>" + code + "</faultcode>"
                + "<faultstring>" + DemoHttp.xml(message) + "</faultstring></S:Fault></S:Body></S:Envelope>");
    }

    private static String text(Document d, String localName) {
        NodeList nodes = d.getElementsByTagNameNS("*", localName);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }
}
