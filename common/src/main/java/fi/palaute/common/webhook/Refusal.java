package fi.palaute.common.webhook;

/**
 * Why a webhook is refused: the HTTP status and error code it is answered with, a detail safe to send
 * back (never a secret), and the {@code reason} label it is counted under in
 * {@code palaute_webhooks_rejected_total}.
 */
public record Refusal(int status, String error, String detail, String reason) {}
