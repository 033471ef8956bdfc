package fi.palaute.slack;

/** What {@code auth.test} says the token is: the workspace and the bot user it signs in as. */
public record SlackIdentity(String team, String teamId, String user, String userId, String botId) {}
