package org.exchangehub.source.http;

/** The service answered a SOAP Fault: the run fails with the fault's code and string in the exchange log. */
final class SoapFaultException extends RuntimeException {

    private final String faultCode;
    private final String faultString;

    SoapFaultException(String request, String faultCode, String faultString) {
        super("SOAP Fault from " + request + ": " + faultCode + ": " + faultString);
        this.faultCode = faultCode;
        this.faultString = faultString;
    }

    String faultCode() {
        return faultCode;
    }

    String faultString() {
        return faultString;
    }
}
