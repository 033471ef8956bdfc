package fi.palaute.zendesk;

import com.fasterxml.jackson.databind.JsonNode;

/** Null-tolerant reads of Zendesk's JSON, where absent and {@code null} mean the same. */
final class Json {
    private Json() {}

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    static Long number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return null;
        if (v.isNumber()) return v.asLong();
        if (v.isTextual() && v.asText().trim().matches("-?[0-9]{1,18}")) return Long.parseLong(v.asText().trim());
        return null;
    }

    static Integer integer(JsonNode node, String field) {
        Long v = number(node, field);
        return v == null ? null : v.intValue();
    }
}
