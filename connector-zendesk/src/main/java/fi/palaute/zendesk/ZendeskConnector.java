package fi.palaute.zendesk;

import fi.palaute.common.app.HelpdeskConnector;
import fi.palaute.common.app.ServiceRuntime;
import fi.palaute.common.app.SurveyConnector;
import fi.palaute.common.config.SettingException;
import fi.palaute.common.http.Metrics;
import fi.palaute.common.survey.Helpdesk;
import fi.palaute.common.webhook.WebhookParser;
import fi.palaute.common.webhook.WebhookVerifier;
import java.io.IOException;

/**
 * Zendesk on the shared survey service: the webhook signature, the two webhook bodies, and the Support
 * API as a {@link Helpdesk}. POST /webhooks/zendesk.
 */
public final class ZendeskConnector implements HelpdeskConnector {
    public static final String SOURCE = "zendesk";
    public static final int DEFAULT_PORT = fi.palaute.common.config.Service.ZENDESK.defaultPort();
    public static final String WEBHOOK_PATH = "/webhooks/" + SOURCE;

    private final SurveyConnector connector;
    private final ZendeskSettings settings;
    private final WebhookSignature signature;

    public ZendeskConnector(SurveyConnector connector, ZendeskSettings settings) {
        this.connector = connector;
        this.settings = settings;
        String secret = settings.webhookSecret()
                .orElseThrow(() -> new SettingException("ZENDESK_WEBHOOK_SECRET", "is required but not set"));
        this.signature = new WebhookSignature(secret, connector.clock());
    }

    public ServiceRuntime start() throws IOException {
        return connector.start(this);
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public WebhookVerifier verifier() {
        return signature;
    }

    @Override
    public WebhookParser parser() {
        return new ZendeskWebhookParser();
    }

    @Override
    public Helpdesk helpdesk(Metrics metrics) {
        return new ZendeskHelpdesk(ZendeskClient.create(settings, metrics, connector.clock()), settings);
    }
}
