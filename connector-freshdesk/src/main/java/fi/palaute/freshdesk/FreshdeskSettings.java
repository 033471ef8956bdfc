package fi.palaute.freshdesk;

import fi.palaute.common.config.Setting;
import fi.palaute.common.config.SettingException;
import fi.palaute.common.config.Settings;
import java.net.URI;
import java.util.Base64;
import java.util.Optional;
import java.nio.charset.StandardCharsets;

/**
 * The Freshdesk account and the webhook secret. FRESHDESK_URL overrides the URL built from
 * FRESHDESK_DOMAIN (tests, proxies); the domain may be given as {@code acme} or {@code acme.freshdesk.com}.
 */
public record FreshdeskSettings(URI baseUrl, String apiKey, String webhookSecret, Optional<String> scoreField,
                                URI publicUrl, int callsPerMinute) {
    public static FreshdeskSettings from(Settings s) {
        URI base = s.optionalUrl(Setting.FRESHDESK_URL).orElseGet(() -> fromDomain(s));
        // Our own pace, below the smallest Freshdesk plan's budget; accounts with more may raise it.
        return new FreshdeskSettings(base, s.required(Setting.FRESHDESK_API_KEY),
                s.required(Setting.FRESHDESK_WEBHOOK_SECRET), s.optional(Setting.FRESHDESK_SCORE_FIELD),
                s.url(Setting.PALAUTE_PUBLIC_URL), s.integer(Setting.FRESHDESK_CALLS_PER_MINUTE));
    }

    private static URI fromDomain(Settings s) {
        String domain = s.optional(Setting.FRESHDESK_DOMAIN).orElseThrow(() -> new SettingException(
                Setting.FRESHDESK_DOMAIN.name(),
                "is required (or set FRESHDESK_URL): your account, e.g. acme for acme.freshdesk.com"));
        String host = domain.toLowerCase(java.util.Locale.ROOT).replaceFirst("^https?://", "").replaceAll("/+$", "");
        if (!host.contains(".")) host = host + ".freshdesk.com";
        return URI.create("https://" + host);
    }

    /** Freshdesk takes the API key as the Basic user with any password; its docs use {@code X}. */
    public String authorizationHeader() {
        return "Basic " + Base64.getEncoder().encodeToString((apiKey + ":X").getBytes(StandardCharsets.UTF_8));
    }

    /** Rating links in our survey replies start with this; it tells our own replies from the agents'. */
    public String surveyLinkPrefix() {
        return publicUrl + "/r/";
    }

    @Override
    public String toString() {
        // never the key or the secret
        return "FreshdeskSettings[baseUrl=" + baseUrl + ", scoreField=" + scoreField.orElse("-") + "]";
    }
}
