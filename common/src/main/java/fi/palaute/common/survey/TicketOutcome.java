package fi.palaute.common.survey;

/**
 * How the ticket went, as recorded at solve time. Nulls mean "not known": handle time in particular is
 * absent where the helpdesk tracks none, never resolution time in its place.
 */
public record TicketOutcome(Boolean firstContactResolution, String fcrDefinition, Integer publicAgentReplies,
                            Integer reopens, Long handleTimeSeconds, String handleTimeSource, Long resolutionSeconds) {}
