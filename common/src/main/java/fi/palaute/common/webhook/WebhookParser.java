package fi.palaute.common.webhook;

import fi.palaute.common.http.HttpError;
import fi.palaute.common.http.Request;

/** Reads a verified webhook's body into what the pipeline needs to know. */
@FunctionalInterface
public interface WebhookParser {
    /**
     * @throws HttpError a 400 naming the problem when the body is malformed or incomplete; its error code
     *                   is the {@code reason} the refusal is counted under
     */
    TicketEvent parse(Request request);
}
