package fi.palaute.freshdesk;

/** Body of {@code POST /api/v2/tickets/{id}/reply}: a public reply in HTML, mailed to the requester. */
public record Reply(String body) {}
