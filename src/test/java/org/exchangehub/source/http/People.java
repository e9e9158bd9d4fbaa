package org.exchangehub.source.http;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** A department's REST data for the tests: people P01… with rising change times, served as JSON pages. */
final class People {

    private People() {
    }

    static String person(int i) {
        return "{\"id\":\"P" + String.format("%02d", i) + "\",\"name\":\"姓名" + i + "\",\"address\":{\"city\":\"福州\"},"
                + "\"updatedAt\":\"2026-03-01T10:00:" + String.format("%02d", i) + "\"}";
    }

    /** People {@code from}..{@code to} (inclusive, 1-based) as a JSON array. */
    static String array(int from, int to) {
        return array(from, to, People::person);
    }

    static String array(int from, int to, IntFunction<String> person) {
        List<String> items = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            items.add(person.apply(i));
        }
        return "[" + String.join(",", items) + "]";
    }

    static List<String> keys(int from, int to) {
        List<String> keys = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            keys.add("P" + String.format("%02d", i));
        }
        return keys;
    }

    /** Page {@code page} (1-based) of {@code size} out of {@code total} people, with the total in the body. */
    static StubServer.Response page(int total, int page, int size, boolean withTotal) {
        int from = (page - 1) * size + 1;
        int to = Math.min(total, page * size);
        String items = from > total ? "[]" : array(from, to);
        return StubServer.Response.json("{\"code\":0,\"data\":{" + (withTotal ? "\"total\":" + total + "," : "")
                + "\"items\":" + items + "}}");
    }
}
