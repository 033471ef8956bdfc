package fi.palaute.slack;

/** The part of {@code conversations.info} that says whether the bot can post to a channel. */
public record SlackChannel(String id, String name, boolean isPrivate, boolean isArchived, boolean isMember) {}
