package org.exchangehub.demo.services;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

/**
 * The simulated civil-affairs population API: an OAuth 2.0 token endpoint (client credentials, tokens valid
 * five minutes) and {@code GET /api/v1/persons?page=&size=&updatedSince=} answering
 * {@code {"code":0,"data":{"total":…,"items":[…]}}}, oldest change first, like many provincial REST APIs.
 */
final class CivilAffairsApi {

    static final String TOKEN_PATH = "/demo/civil-affairs/oauth/token";
    static final String PERSONS_PATH = "/demo/civil-affairs/api/v1/persons";
    static final String CLIENT_ID = "exchange-hub";
    private static final long TOKEN_SECONDS = 300;
    private static final int MAX_SIZE = 500;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.time.format.DateTimeFormatter TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final List<CivilAffairsPeople.Person> people;
    private final String clientSecret;
    private final Map<String, Long> tokens = new ConcurrentHashMap<>();

    CivilAffairsApi(List<CivilAffairsPeople.Person> people, String clientSecret) {
        this.people = people;
        this.clientSecret = clientSecret;
    }

    void token(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod()) || !DemoHttp.hasBasic(exchange, CLIENT_ID, clientSecret)) {
            DemoHttp.send(exchange, 401, "application/json", "{\"error\":\"invalid_client\"}");
            return;
        }
        String token = UUID.randomUUID().toString();
        tokens.put(token, System.currentTimeMillis() + TOKEN_SECONDS * 1000);
        DemoHttp.send(exchange, 200, "application/json", "{\"access_token\":\"" + token
                + "\",\"token_type\":\"Bearer\",\"expires_in\":" + TOKEN_SECONDS + "}");
    }

    void persons(HttpExchange exchange) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        Long expires = auth == null || !auth.startsWith("Bearer ") ? null : tokens.get(auth.substring(7));
        if (expires == null || expires < System.currentTimeMillis()) {
            DemoHttp.send(exchange, 401, "application/json", "{\"code\":401,\"message\":\"令牌无效或已过期\"}");
            return;
        }
        Map<String, String> q = DemoHttp.query(exchange);
        int page;
        int size;
        LocalDateTime since;
        try {
            page = Integer.parseInt(q.getOrDefault("page", "1"));
            size = Math.min(MAX_SIZE, Integer.parseInt(q.getOrDefault("size", "50")));
            since = q.containsKey("updatedSince") ? LocalDateTime.parse(q.get("updatedSince")) : null;
        } catch (NumberFormatException | DateTimeParseException e) {
            DemoHttp.send(exchange, 400, "application/json", "{\"code\":400,\"message\":\"参数错误\"}");
            return;
        }
        List<CivilAffairsPeople.Person> matching = since == null ? people
                : people.stream().filter(p -> !p.updatedAt().isBefore(since)).toList();
        ObjectNode root = JSON.createObjectNode().put("code", 0).put("message", "成功");
        ObjectNode data = root.putObject("data").put("total", matching.size()).put("page", page).put("size", size);
        ArrayNode items = data.putArray("items");
        int from = Math.max(0, (page - 1) * size);
        for (int i = from; i < Math.min(matching.size(), from + size); i++) {
            CivilAffairsPeople.Person p = matching.get(i);
            ObjectNode item = items.addObject().put("rkbm", p.recordId()).put("sfzh", p.idNumber()).put("xm", p.name())
                    .put("xb", p.sex()).put("csrq", p.birthDate());
            item.putObject("hjdz").put("xzqh", p.division()).put("dz", p.address());
            item.put("lxdh", p.phone()).put("gxsj", TIME.format(p.updatedAt()));
        }
        DemoHttp.send(exchange, 200, "application/json; charset=utf-8", JSON.writeValueAsString(root));
    }
}
