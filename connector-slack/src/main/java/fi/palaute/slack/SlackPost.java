package fi.palaute.slack;

import java.time.Instant;

/** A job's post as {@code slack_posts} records it; {@code messageTs} is set once it is {@link SlackPostState#POSTED}. */
public record SlackPost(String jobKey, String eventType, String channel, String threadTs, SlackPostState state,
                        Instant firstAttemptAt, int attempts, String messageTs) {}
