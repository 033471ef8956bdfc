package fi.palaute.zendesk;

import fi.palaute.common.config.SettingException;
import fi.palaute.common.config.Settings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The Zendesk account and credentials: ZENDESK_SUBDOMAIN or ZENDESK_URL, ZENDESK_EMAIL and
 * ZENDESK_API_TOKEN, the webhook's signing secret and the optional handle-time and score fields.
 * {@code toString} leaves the token and secret out, so the record can be logged.
 */
public record ZendeskSettings(URI baseUrl, String email, String apiToken, Optional<String> webhookSecret,
                              Optional<Long> handleTimeField, Optional<Long> scoreField, int updatesPerMinute,
                              int readsPerMinute) {

    /** Reads the settings; {@code serve} needs the webhook secret, {@code setup} (which prints it) does not. */
    public static ZendeskSettings from(Settings s, boolean requireWebhookSecret) {
        URI base = baseUrl(s);
        String email = s.required("ZENDESK_EMAIL");
        if (!email.contains("@")) throw new SettingException("ZENDESK_EMAIL", "must be the e-mail address of the agent the API token belongs to");
        String token = s.required("ZENDESK_API_TOKEN");
        Optional<String> secret = requireWebhookSecret
                ? Optional.of(s.required("ZENDESK_WEBHOOK_SECRET"))
                : s.optional("ZENDESK_WEBHOOK_SECRET");
        return new ZendeskSettings(base, email, token, secret, fieldId(s, "ZENDESK_HANDLE_TIME_FIELD"),
                fieldId(s, "ZENDESK_SCORE_FIELD"), perMinute(s, "ZENDESK_UPDATES_PER_MINUTE", 100),
                perMinute(s, "ZENDESK_READS_PER_MINUTE", 200));
    }

    /**
     * The pace of this instance. Zendesk's limits are per account, so with several instances each one
     * gets its share (e.g. 50 each for two instances under the Update Ticket limit of 100).
     */
    private static int perMinute(Settings s, String name, int defaultValue) {
        int v = s.integer(name, defaultValue);
        if (v < 1) throw new SettingException(name, "must be at least 1 (requests per minute)");
        return v;
    }

    private static URI baseUrl(Settings s) {
        Optional<URI> url = s.optionalUrl("ZENDESK_URL");
        if (url.isPresent()) return url.get();
        Optional<String> sub = s.optional("ZENDESK_SUBDOMAIN");
        if (sub.isEmpty()) {
            throw new SettingException("ZENDESK_SUBDOMAIN", "is required (or set ZENDESK_URL to the account's base URL)");
        }
        if (!sub.get().matches("[A-Za-z0-9][A-Za-z0-9-]{0,62}")) {
            throw new SettingException("ZENDESK_SUBDOMAIN",
                    "must be only the subdomain, such as acme for acme.zendesk.com (or set ZENDESK_URL)");
        }
        return URI.create("https://" + sub.get().toLowerCase(java.util.Locale.ROOT) + ".zendesk.com");
    }

    private static Optional<Long> fieldId(Settings s, String name) {
        Optional<String> v = s.optional(name);
        if (v.isEmpty()) return Optional.empty();
        try {
            long id = Long.parseLong(v.get());
            if (id <= 0) throw new NumberFormatException();
            return Optional.of(id);
        } catch (NumberFormatException e) {
            throw new SettingException(name, "must be the numeric id of a ticket field (Admin Center > Objects and rules > Ticket fields)");
        }
    }

    /** API token auth as Zendesk documents it: Basic base64("{email}/token:{token}"). */
    public String authorization() {
        String pair = email + "/token:" + apiToken;
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** The agent-facing link to a ticket. */
    public String agentTicketUrl(String ticketId) {
        return baseUrl + "/agent/tickets/" + ticketId;
    }

    @Override
    public String toString() {
        return "ZendeskSettings[baseUrl=" + baseUrl + ", email=" + email + ", handleTimeField="
                + handleTimeField.map(String::valueOf).orElse("-") + ", scoreField="
                + scoreField.map(String::valueOf).orElse("-") + ", updatesPerMinute=" + updatesPerMinute
                + ", readsPerMinute=" + readsPerMinute + "]";
    }
}
