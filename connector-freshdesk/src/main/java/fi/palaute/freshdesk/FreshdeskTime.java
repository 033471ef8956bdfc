package fi.palaute.freshdesk;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Freshdesk timestamps: ISO-8601, usually {@code 2015-08-24T11:59:05Z}, sometimes with an offset. */
final class FreshdeskTime {
    private FreshdeskTime() {}

    static Instant parse(String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Freshdesk sent a time that is not ISO-8601: " + value, e);
        }
    }
}
