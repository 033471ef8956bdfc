package fi.palaute.freshdesk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The {@code requester} a ticket carries with {@code include=requester}. It has no language: see {@link Contact}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TicketRequester(long id, String name, String email) {}
