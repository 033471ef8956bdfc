package fi.palaute.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A {@code chat.postMessage} request: a message to one channel. Link previews are off: ticket links would unfurl into noise. */
public record PostMessage(String channel, SlackMessage message) {
    public ObjectNode toJson() {
        ObjectNode n = message.toJson();
        ObjectNode body = n.objectNode().put("channel", channel);
        body.setAll(n);
        body.put("unfurl_links", false).put("unfurl_media", false);
        return body;
    }
}
