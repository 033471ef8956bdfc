package fi.palaute.common.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import fi.palaute.common.job.PermanentFailureException;

/**
 * The one way vendor JSON becomes records: snake_case names (both helpdesks' APIs write them; a record
 * names a field otherwise with {@code @JsonProperty}), unknown fields ignored (vendors add fields, and a
 * record reads only what the flow needs). An answer that does not bind is a permanent failure naming
 * what was read: the same answer would not bind on a retry either.
 */
public final class VendorJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private VendorJson() {}

    /** The mapper, for request bodies (records written with the same names). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * @param what names the answer in the error, e.g. {@code "zendesk ticket 42"}
     */
    public static <T> T read(JsonNode node, Class<T> type, String what) {
        try {
            T value = node == null || node.isMissingNode() || node.isNull() ? null : MAPPER.treeToValue(node, type);
            if (value == null) throw new PermanentFailureException(what + ": the answer has no body");
            return value;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PermanentFailureException("unreadable " + what + ": "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }

    public static String write(Object body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode " + body.getClass().getSimpleName(), e);
        }
    }
}
