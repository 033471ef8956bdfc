package fi.palaute.zendesk;

/** Event-subscription bodies for the service tests. */
final class ZendeskWebhookParserBodies {
    private ZendeskWebhookParserBodies() {}

    static String statusChanged(String eventId, String ticketId, String current) {
        return WebhookParserTest.statusChanged(eventId, ticketId, current, "2026-03-01T10:00:00Z");
    }
}
