package fi.palaute.zendesk;

import fi.palaute.common.app.ServiceRuntime;
import fi.palaute.common.app.SurveyConnector;
import java.io.IOException;

/** Wires Zendesk into the shared survey service: the helpdesk client and POST /webhooks/zendesk. */
public final class ZendeskConnector {
    public static final int DEFAULT_PORT = fi.palaute.common.config.Service.ZENDESK.defaultPort();
    public static final String WEBHOOK_PATH = "/webhooks/zendesk";

    private final SurveyConnector connector;
    private final ZendeskSettings settings;

    public ZendeskConnector(SurveyConnector connector, ZendeskSettings settings) {
        this.connector = connector;
        this.settings = settings;
    }

    public ServiceRuntime start() throws IOException {
        String secret = settings.webhookSecret()
                .orElseThrow(() -> new fi.palaute.common.config.SettingException("ZENDESK_WEBHOOK_SECRET", "is required but not set"));
        WebhookSignature signature = new WebhookSignature(secret, connector.clock());
        return connector.start(
                metrics -> new ZendeskHelpdesk(ZendeskClient.create(settings, metrics, connector.clock()), settings),
                (routes, intake) -> routes.post(WEBHOOK_PATH,
                        new ZendeskWebhookHandler(signature, new WebhookParser(), intake, connector.metrics())));
    }
}
