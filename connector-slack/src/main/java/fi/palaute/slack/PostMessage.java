package fi.palaute.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A {@code chat.postMessage} request: a message to one channel, or into a message's thread when
 * {@code threadTs} is set, with {@code metadata} naming the job that posts it (null: none). Link previews
 * are off: ticket links would unfurl into noise.
 */
public record PostMessage(String channel, SlackMessage message, String threadTs, MessageMetadata metadata) {
    public PostMessage(String channel, SlackMessage message) {
        this(channel, message, null, null);
    }

    public PostMessage(String channel, SlackMessage message, String threadTs) {
        this(channel, message, threadTs, null);
    }

    public PostMessage withMetadata(MessageMetadata metadata) {
        return new PostMessage(channel, message, threadTs, metadata);
    }

    public ObjectNode toJson() {
        ObjectNode n = message.toJson();
        ObjectNode body = n.objectNode().put("channel", channel);
        if (threadTs != null) body.put("thread_ts", threadTs);
        body.setAll(n);
        body.put("unfurl_links", false).put("unfurl_media", false);
        if (metadata != null) body.set("metadata", metadata.toJson());
        return body;
    }
}
