package fi.palaute.freshdesk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A group from {@code /api/v2/groups/{id}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Group(long id, String name) {}
