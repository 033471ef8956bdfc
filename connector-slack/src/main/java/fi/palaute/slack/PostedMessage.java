package fi.palaute.slack;

/** What {@code chat.postMessage} answers on success: the channel id and the message's timestamp id. */
public record PostedMessage(String channel, String ts) {}
