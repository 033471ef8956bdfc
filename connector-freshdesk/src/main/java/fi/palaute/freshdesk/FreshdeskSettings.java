package fi.palaute.freshdesk;

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
    /** Short secrets are guessable by anyone who can reach the webhook. */
    static final int MIN_SECRET_LENGTH = 16;

    public static FreshdeskSettings from(Settings s) {
        URI base = s.optionalUrl("FRESHDESK_URL").orElseGet(() -> fromDomain(s));
        String apiKey = s.required("FRESHDESK_API_KEY");
        String secret = s.secret("FRESHDESK_WEBHOOK_SECRET", MIN_SECRET_LENGTH);
        Optional<String> field = s.optional("FRESHDESK_SCORE_FIELD");
        if (field.isPresent() && !field.get().matches("cf_[A-Za-z0-9_]+")) {
            throw new SettingException("FRESHDESK_SCORE_FIELD",
                    "must be the API name of a custom ticket field, starting with cf_ (e.g. cf_csat_score)");
        }
        // Our own pace, below the smallest Freshdesk plan's budget; accounts with more may raise it.
        int pace = s.integer("FRESHDESK_CALLS_PER_MINUTE", 100);
        if (pace < 1 || pace > 10_000) throw new SettingException("FRESHDESK_CALLS_PER_MINUTE", "must be 1-10000");
        return new FreshdeskSettings(base, apiKey, secret, field, s.url("PALAUTE_PUBLIC_URL"), pace);
    }

    private static URI fromDomain(Settings s) {
        String domain = s.optional("FRESHDESK_DOMAIN").orElseThrow(() -> new SettingException("FRESHDESK_DOMAIN",
                "is required (or set FRESHDESK_URL): your account, e.g. acme for acme.freshdesk.com"));
        String host = domain.toLowerCase(java.util.Locale.ROOT).replaceFirst("^https?://", "").replaceAll("/+$", "");
        if (!host.contains(".")) host = host + ".freshdesk.com";
        if (!host.matches("[a-z0-9.-]+")) {
            throw new SettingException("FRESHDESK_DOMAIN", "must be an account name such as acme or acme.freshdesk.com");
        }
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
