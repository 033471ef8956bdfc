package fi.palaute.zendesk;

import fi.palaute.common.config.Setting;
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
        String email = s.required(Setting.ZENDESK_EMAIL);
        String token = s.required(Setting.ZENDESK_API_TOKEN);
        Optional<String> secret = requireWebhookSecret
                ? Optional.of(s.required(Setting.ZENDESK_WEBHOOK_SECRET))
                : s.optional(Setting.ZENDESK_WEBHOOK_SECRET);
        // The pace of this instance. Zendesk's limits are per account, so with several instances each one
        // gets its share (e.g. 50 each for two instances under the Update Ticket limit of 100).
        return new ZendeskSettings(base, email, token, secret, fieldId(s, Setting.ZENDESK_HANDLE_TIME_FIELD),
                fieldId(s, Setting.ZENDESK_SCORE_FIELD), s.integer(Setting.ZENDESK_UPDATES_PER_MINUTE),
                s.integer(Setting.ZENDESK_READS_PER_MINUTE));
    }

    private static URI baseUrl(Settings s) {
        Optional<URI> url = s.optionalUrl(Setting.ZENDESK_URL);
        if (url.isPresent()) return url.get();
        String sub = s.optional(Setting.ZENDESK_SUBDOMAIN).orElseThrow(() -> new SettingException(
                Setting.ZENDESK_SUBDOMAIN.name(), "is required (or set ZENDESK_URL to the account's base URL)"));
        return URI.create("https://" + sub.toLowerCase(java.util.Locale.ROOT) + ".zendesk.com");
    }

    private static Optional<Long> fieldId(Settings s, Setting setting) {
        return s.optional(setting).map(Long::parseLong);
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
