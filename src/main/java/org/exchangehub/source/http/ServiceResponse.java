package org.exchangehub.source.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A service's whole answer to one {@link ServiceRequest}: its status, its headers (names in any case) and its body. */
record ServiceResponse(int statusCode, Map<String, List<String>> headers, byte[] body) {

    ServiceResponse {
        Map<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> byName.merge(name, List.copyOf(values),
                (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList()));
        headers = byName;
        body = body == null ? new byte[0] : body;
    }

    Optional<String> firstHeader(String name) {
        return allHeaders(name).stream().findFirst();
    }

    List<String> allHeaders(String name) {
        return headers.getOrDefault(name, List.of());
    }
}
