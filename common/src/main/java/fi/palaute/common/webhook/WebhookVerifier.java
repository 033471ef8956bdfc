package fi.palaute.common.webhook;

import fi.palaute.common.http.Request;
import java.util.Optional;

/** Tells a helpdesk's webhook from anyone else's request: a signature, a shared secret. */
@FunctionalInterface
public interface WebhookVerifier {
    /** Why the request is not from the helpdesk, or empty when it is. */
    Optional<Refusal> refusal(Request request);
}
