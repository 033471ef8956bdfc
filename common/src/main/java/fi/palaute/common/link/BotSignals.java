package fi.palaute.common.link;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Signs that an answer came from a machine rather than the customer: mail security scanners
 * (Microsoft Safe Links and others) open every link, and some submit forms. Such answers are kept but
 * flagged and left out of scores.
 */
public final class BotSignals {
    /** Faster than any person reads a mail, clicks, and confirms. */
    public static final Duration TOO_FAST = Duration.ofSeconds(10);

    private static final List<String> SCANNER_AGENTS = List.of(
            "safelinks", "microsoft office", "ms-office", "microsoft outlook", "bingpreview", "bingbot", "proofpoint",
            "urldefense", "mimecast", "barracuda", "symantec", "messagelabs", "forcepoint", "trendmicro", "trend micro",
            "sophos", "zscaler", "fireeye", "cisco", "ironport", "google-safety", "googleimageproxy", "slackbot",
            "facebookexternalhit", "twitterbot", "linkedinbot", "headlesschrome", "phantomjs", "python-requests",
            "python-urllib", "go-http-client", "java/", "okhttp", "libwww-perl", "wget", "scrapy", "spider", "crawler");

    private BotSignals() {}

    /** The reason to flag this answer, or empty for an answer that looks human. */
    public static Optional<String> reason(String userAgent, boolean honeypotFilled, Instant surveySentAt,
                                          Instant honeypotHitAt, Instant answeredAt) {
        if (honeypotFilled) return Optional.of("honeypot_field");
        if (userAgent == null || userAgent.isBlank()) return Optional.of("no_user_agent");
        String ua = userAgent.toLowerCase(Locale.ROOT);
        for (String s : SCANNER_AGENTS) {
            if (ua.contains(s)) return Optional.of("scanner_user_agent");
        }
        if (surveySentAt != null && Duration.between(surveySentAt, answeredAt).compareTo(TOO_FAST) < 0) {
            return Optional.of("answered_within_seconds");
        }
        if (honeypotHitAt != null && Duration.between(honeypotHitAt, answeredAt).abs().compareTo(Duration.ofMinutes(2)) < 0) {
            return Optional.of("honeypot_link");
        }
        return Optional.empty();
    }
}
