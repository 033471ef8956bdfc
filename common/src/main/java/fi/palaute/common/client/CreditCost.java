package fi.palaute.common.client;

import java.util.OptionalLong;
import java.util.function.ToIntFunction;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * How a vendor bills a call in credits, for vendors whose rate limit counts credits rather than calls
 * (Freshdesk: each {@code include} on a view costs one more). The vendor's own header, when it sends one,
 * is the truth; otherwise the documented estimate from the request.
 *
 * @param usedHeader header naming the credits this call used, or null
 * @param estimate   the documented cost of a request to this URL
 */
public record CreditCost(String usedHeader, ToIntFunction<HttpUrl> estimate) {
    public long of(HttpUrl url, Headers headers) {
        if (usedHeader != null && headers != null) {
            OptionalLong used = number(headers.get(usedHeader));
            if (used.isPresent()) return used.getAsLong();
        }
        return estimate.applyAsInt(url);
    }

    /** Whole or decimal ("1.0"); Freshdesk's documented examples show both. */
    static OptionalLong number(String value) {
        if (value == null || value.isBlank()) return OptionalLong.empty();
        try {
            return OptionalLong.of(Math.round(Double.parseDouble(value.trim())));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
