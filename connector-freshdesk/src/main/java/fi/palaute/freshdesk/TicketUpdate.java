package fi.palaute.freshdesk;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * Body of {@code PUT /api/v2/tickets/{id}}; absent fields are left as they are. {@code tags}, when
 * given, replaces the whole list — callers merge with the current tags first.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TicketUpdate(Integer status, List<String> tags, Map<String, Object> customFields) {
    public static TicketUpdate status(int status) {
        return new TicketUpdate(status, null, null);
    }
}
