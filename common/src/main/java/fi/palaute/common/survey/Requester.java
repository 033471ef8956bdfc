package fi.palaute.common.survey;

/** Who asked for help: the person the survey goes to. {@code agent} is true for the helpdesk's own staff. */
public record Requester(String id, String email, String name, String locale, boolean agent) {}
