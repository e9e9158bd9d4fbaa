package org.exchangehub.source.http;

/** SOAP 1.1 and 1.2: their envelope namespaces and how each carries the action and content type. */
enum SoapVersion {
    V1_1("http://schemas.xmlsoap.org/soap/envelope/"),
    V1_2("http://www.w3.org/2003/05/soap-envelope");

    private final String namespace;

    SoapVersion(String namespace) {
        this.namespace = namespace;
    }

    static SoapVersion parse(String text) {
        return switch (text == null ? "" : text.trim()) {
            case "1.1", "11" -> V1_1;
            case "1.2", "12" -> V1_2;
            default -> throw new IllegalArgumentException("not 1.1 or 1.2");
        };
    }

    String namespace() {
        return namespace;
    }

    /** Sets the content type and the action the way this version wants them. */
    void headers(ServiceRequest request, String action) {
        boolean hasAction = action != null && !action.isBlank();
        if (this == V1_1) {
            request.header("Content-Type", "text/xml; charset=utf-8");
            request.header("SOAPAction", "\"" + (hasAction ? action.trim() : "") + "\"");
        } else {
            request.header("Content-Type", "application/soap+xml; charset=utf-8"
                    + (hasAction ? "; action=\"" + action.trim() + "\"" : ""));
        }
        request.header("Accept", this == V1_1 ? "text/xml" : "application/soap+xml");
    }

    /** Wraps a body payload into an envelope of this version. */
    String envelope(String payload) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv=\"" + namespace
                + "\"><soapenv:Body>" + payload + "</soapenv:Body></soapenv:Envelope>";
    }
}
