package fi.palaute.freshdesk;

import fi.palaute.common.app.HelpdeskConnector;
import fi.palaute.common.app.ServiceRuntime;
import fi.palaute.common.app.SurveyConnector;
import fi.palaute.common.client.ApiClient;
import fi.palaute.common.client.RateLimiter;
import fi.palaute.common.config.Settings;
import fi.palaute.common.http.Metrics;
import fi.palaute.common.job.JobWorker;
import fi.palaute.common.survey.Helpdesk;
import fi.palaute.common.webhook.WebhookParser;
import fi.palaute.common.webhook.WebhookVerifier;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

/**
 * Freshdesk on the shared survey service: the shared-secret check, the automation rule's body, and API v2
 * as a {@link Helpdesk}. POST /webhooks/freshdesk. Main and the tests start it the same way.
 */
public final class FreshdeskConnector implements HelpdeskConnector {
    public static final String SOURCE = "freshdesk";
    public static final int DEFAULT_PORT = fi.palaute.common.config.Service.FRESHDESK.defaultPort();

    private final FreshdeskSettings settings;
    private final Clock clock;
    private final SharedSecretVerifier verifier;

    public FreshdeskConnector(FreshdeskSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.verifier = new SharedSecretVerifier(settings.webhookSecret());
    }

    public static ServiceRuntime start(Settings env, Clock clock, JobWorker.Options workerOptions) throws IOException {
        FreshdeskConnector freshdesk = new FreshdeskConnector(FreshdeskSettings.from(env), clock);
        return SurveyConnector.builder(SOURCE, env, DEFAULT_PORT).clock(clock).workerOptions(workerOptions)
                .start(freshdesk);
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public WebhookVerifier verifier() {
        return verifier;
    }

    @Override
    public WebhookParser parser() {
        return new FreshdeskWebhookParser(clock);
    }

    @Override
    public Helpdesk helpdesk(Metrics metrics) {
        return new FreshdeskHelpdesk(client(settings, metrics, clock), settings, clock);
    }

    static FreshdeskClient client(FreshdeskSettings settings, Metrics metrics, Clock clock) {
        // Our own pace (FRESHDESK_CALLS_PER_MINUTE); RateLimitFeedback slows further as the account's budget runs low.
        RateLimiter limiter = new RateLimiter(settings.callsPerMinute(), Duration.ofMinutes(1), clock);
        ApiClient api = new ApiClient(SOURCE, settings.baseUrl().toString(), settings.authorizationHeader(), limiter,
                metrics, clock);
        return new FreshdeskClient(api, new RateLimitFeedback(limiter, clock));
    }
}
