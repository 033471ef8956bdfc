package fi.palaute.common.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A vendor said no to a call: where it went, the status, the vendor's message as {@link VendorErrorText}
 * reads it, and the error body, which a connector binds to its vendor's error record to tell a business
 * outcome (a closed ticket) from a dead call.
 */
public record VendorRefusal(String vendor, String method, String path, int status, String vendorMessage,
                            JsonNode body) {
    /** One line for logs and dead jobs: {@code zendesk PUT /api/v2/tickets/7 answered 403: Forbidden}. */
    public String describe() {
        return vendor + " " + method + " " + path + " answered " + status + ": " + vendorMessage;
    }

    /** The error body bound to a vendor's error record; see {@link VendorJson#read}. */
    public <E> E bodyAs(Class<E> type) {
        return VendorJson.read(body, type, vendor + " error answer");
    }
}
