package fi.palaute.freshdesk;

import fi.palaute.common.app.ServiceRuntime;
import fi.palaute.common.app.SurveyConnector;
import fi.palaute.common.client.ApiClient;
import fi.palaute.common.client.RateLimiter;
import fi.palaute.common.config.Settings;
import fi.palaute.common.http.Metrics;
import fi.palaute.common.job.JobWorker;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

/** Wires the Freshdesk pieces onto the shared survey service; Main and the tests start it the same way. */
public final class FreshdeskConnector {
    public static final String SOURCE = "freshdesk";
    public static final int DEFAULT_PORT = fi.palaute.common.config.Service.FRESHDESK.defaultPort();
    private FreshdeskConnector() {}

    public static ServiceRuntime start(Settings env, Clock clock, JobWorker.Options workerOptions) throws IOException {
        FreshdeskSettings freshdesk = FreshdeskSettings.from(env);
        SharedSecretVerifier verifier = new SharedSecretVerifier(freshdesk.webhookSecret());
        return SurveyConnector.builder(SOURCE, env, DEFAULT_PORT).clock(clock).workerOptions(workerOptions)
                .start(metrics -> new FreshdeskHelpdesk(client(freshdesk, metrics, clock), freshdesk, clock),
                        (routes, intake) -> routes.post("/webhooks/freshdesk",
                                new FreshdeskWebhook(verifier, intake, clock)::handle));
    }

    static FreshdeskClient client(FreshdeskSettings settings, Metrics metrics, Clock clock) {
        // Our own pace (FRESHDESK_CALLS_PER_MINUTE); RateLimitFeedback slows further as the account's budget runs low.
        RateLimiter limiter = new RateLimiter(settings.callsPerMinute(), Duration.ofMinutes(1), clock);
        ApiClient api = new ApiClient(SOURCE, settings.baseUrl().toString(), settings.authorizationHeader(), limiter,
                metrics, clock);
        return new FreshdeskClient(api, new RateLimitFeedback(limiter, clock));
    }
}
