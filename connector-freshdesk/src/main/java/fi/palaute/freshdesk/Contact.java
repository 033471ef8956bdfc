package fi.palaute.freshdesk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A contact from {@code GET /api/v2/contacts/{id}}; {@code language} is a code such as {@code fi} or {@code pt-BR}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Contact(long id, String name, String email, String language) {}
