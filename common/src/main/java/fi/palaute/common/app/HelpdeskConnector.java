package fi.palaute.common.app;

import fi.palaute.common.http.Metrics;
import fi.palaute.common.survey.Helpdesk;
import fi.palaute.common.webhook.WebhookParser;
import fi.palaute.common.webhook.WebhookVerifier;

/**
 * What a helpdesk brings to the shared survey service, and all it brings: how to tell its webhooks
 * from anyone else's, how to read their bodies, and its API mapped onto the survey flow. Everything
 * else (intake, jobs, rating pages, admin API, metrics) is the same for every helpdesk.
 */
public interface HelpdeskConnector {
    /** Short lower-case name stored with every row, and the webhook's path: {@code /webhooks/<source>}. */
    String source();

    WebhookVerifier verifier();

    WebhookParser parser();

    /** The helpdesk's API client, given the service's metrics (vendor calls are counted there). */
    Helpdesk helpdesk(Metrics metrics);

    default String webhookPath() {
        return "/webhooks/" + source();
    }
}
