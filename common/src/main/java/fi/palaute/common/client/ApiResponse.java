package fi.palaute.common.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import okhttp3.Headers;

/** A successful (2xx) vendor answer: status, parsed JSON body (missing node when empty), headers. */
public record ApiResponse(int status, JsonNode body, Headers headers) {
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    /** The body bound to a record; see {@link VendorJson#read}. */
    public <T> T as(Class<T> type, String what) {
        return VendorJson.read(body, type, what);
    }
}
