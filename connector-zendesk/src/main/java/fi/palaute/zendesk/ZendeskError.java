package fi.palaute.zendesk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * Zendesk's error body. A validation failure is {@code {"error": "RecordInvalid", "description": "Record
 * validation errors", "details": {"<field>": [{"description": …, "error": …}]}}}; other errors carry
 * {@code error} as a code string or as {@code {"title", "message"}}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ZendeskError(@JsonProperty("error") Object error, @JsonProperty("description") String description,
                    @JsonProperty("details") Map<String, List<Detail>> details) {
    static final String RECORD_INVALID = "RecordInvalid";

    /** One validation problem of a field. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Detail(@JsonProperty("description") String description, @JsonProperty("error") String error) {}

    /**
     * The 422 Zendesk answers an update of a closed ticket with: a validation error on the ticket's
     * {@code status} ("Status: closed prevents ticket update"). Palaute's updates never set a status a
     * ticket could refuse otherwise (a note sets none, a survey reply keeps it solved), so the field, not
     * the words, says the ticket is closed.
     */
    boolean closedTicket() {
        return RECORD_INVALID.equals(error) && details != null && details.containsKey("status");
    }
}
