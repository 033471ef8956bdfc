package fi.palaute.slack;

import fi.palaute.common.store.Database;
import java.time.Duration;
import java.time.Instant;

/** Writes surveys, answers and ticket outcomes straight into the database, as the survey connectors would. */
final class Fixture {
    private final Database db;
    private int cycle;

    Fixture(Database db) {
        this.db = db;
    }

    static String ticketUrl(String source, String ticketId) {
        return source.equals("zendesk") ? "https://acme.zendesk.com/agent/tickets/" + ticketId
                : "https://acme.freshdesk.com/a/tickets/" + ticketId;
    }

    long survey(String source, String ticketId, String metric, Instant sentAt, String agent, String group) {
        String cycleKey = "c" + (++cycle);
        return db.inTransaction(tx -> tx.insertReturningId("""
                INSERT INTO surveys (source, ticket_id, cycle_key, ticket_url, requester_id, locale, template_id, metric,
                                     state, agent, agent_group, created_at, sent_at, expires_at)
                VALUES (?, ?, ?, ?, 'r1', 'en', ?, ?, 'sent', ?, ?, ?, ?, ?)""",
                source, ticketId, cycleKey, ticketUrl(source, ticketId), metric, metric, agent, group,
                sentAt.toEpochMilli(), sentAt.toEpochMilli(), sentAt.plus(Duration.ofDays(14)).toEpochMilli()).orElseThrow());
    }

    long answer(long surveyId, int score, String comment, Instant answeredAt, boolean suspectedBot) {
        return db.inTransaction(tx -> tx.insertReturningId("""
                INSERT INTO answers (survey_id, source, ticket_id, metric, score, comment, answered_at, suspected_bot,
                                     agent, agent_group)
                SELECT id, source, ticket_id, metric, ?, ?, ?, ?, agent, agent_group FROM surveys WHERE id = ?""",
                score, comment, answeredAt.toEpochMilli(), suspectedBot ? 1 : 0, surveyId).orElseThrow());
    }

    /** A survey sent an hour before its answer, and the answer. */
    long answered(String source, String ticketId, String metric, int score, String comment, Instant at, String agent,
                  String group) {
        long survey = survey(source, ticketId, metric, at.minus(Duration.ofHours(1)), agent, group);
        return answer(survey, score, comment, at, false);
    }

    void outcome(String source, String ticketId, Instant solvedAt, Boolean fcr, String fcrDefinition,
                 Long handleSeconds, String handleSource, String agent, String group) {
        String cycleKey = "o" + (++cycle);
        db.run(tx -> tx.update("""
                INSERT INTO ticket_outcomes (source, ticket_id, cycle_key, solved_at, fcr, fcr_definition,
                                             handle_time_seconds, handle_time_source, agent, agent_group, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                source, ticketId, cycleKey, solvedAt.toEpochMilli(), fcr == null ? null : (fcr ? 1 : 0), fcrDefinition,
                handleSeconds, handleSource, agent, group, solvedAt.toEpochMilli()));
    }

    /**
     * The golden data set: week 2–8 March 2026 (UTC) with both helpdesks, CSAT and CES, three agents (two
     * rankable), a suspected bot, a replaced answer, and a previous week to compare against.
     */
    void goldenWeek() {
        Instant mon = Instant.parse("2026-03-02T10:00:00Z");
        String[] agents = {"Aino", "Aino", "Aino", "Aino", "Aino", "Aino", "Bob", "Bob", "Bob", "Bob", "Bob", "Carol"};
        int[] csat = {5, 5, 4, 5, 4, 2, 4, 3, 5, 1, 4, 5};
        for (int i = 0; i < csat.length; i++) {
            String source = i % 3 == 0 ? "freshdesk" : "zendesk";
            String comment = switch (i) {
                case 5 -> "Waited three days & nobody answered <again>.";
                case 9 -> "Terrible.\nThe agent closed my ticket without reading it.";
                case 7 -> null;
                default -> i % 2 == 0 ? "Thanks!" : null;
            };
            answered(source, String.valueOf(1000 + i), "csat", csat[i], comment,
                    mon.plus(Duration.ofHours(11L * i)), agents[i], agents[i].equals("Bob") ? "Billing" : "Support");
        }
        answered("zendesk", "1100", "ces", 6, "Easy enough", mon.plus(Duration.ofDays(2)), "Aino", "Support");
        answered("zendesk", "1101", "ces", 3, "Had to explain it twice", mon.plus(Duration.ofDays(3)), "Bob", "Billing");
        answered("freshdesk", "1102", "ces", 7, null, mon.plus(Duration.ofDays(4)), "Carol", "Support");
        // A bot clicked a link: kept but not scored.
        long botSurvey = survey("zendesk", "1200", "csat", mon, "Aino", "Support");
        answer(botSurvey, 1, "scanner", mon.plus(Duration.ofSeconds(3)), true);
        // The customer changed their mind: only the later answer counts.
        long changed = survey("freshdesk", "1201", "csat", mon, "Carol", "Support");
        long first = answer(changed, 1, "first thought", mon.plus(Duration.ofHours(2)), false);
        db.run(tx -> tx.update("UPDATE answers SET replaced_at = ? WHERE id = ?",
                mon.plus(Duration.ofHours(3)).toEpochMilli(), first));
        answer(changed, 4, "on second thought, fine", mon.plus(Duration.ofHours(3)), false);
        // Surveys that got no answer (response rate).
        for (int i = 0; i < 6; i++) survey("zendesk", String.valueOf(1300 + i), "csat", mon.plus(Duration.ofDays(i)), "Aino", "Support");
        // Ticket outcomes: FCR from both helpdesks, handle time only where Zendesk tracked it.
        for (int i = 0; i < 10; i++) {
            boolean zd = i < 6;
            outcome(zd ? "zendesk" : "freshdesk", String.valueOf(2000 + i), mon.plus(Duration.ofHours(13L * i)),
                    i % 3 != 0, zd ? "zendesk_one_touch" : "freshdesk_no_customer_reply",
                    zd ? 300L + 120L * i : null, zd ? "zendesk_time_tracking" : null, "Aino", "Support");
        }
        // The previous week: a lower CSAT, a higher CES.
        Instant prev = Instant.parse("2026-02-23T10:00:00Z");
        int[] prevCsat = {5, 3, 2, 4, 5};
        for (int i = 0; i < prevCsat.length; i++) {
            answered("zendesk", String.valueOf(900 + i), "csat", prevCsat[i], null, prev.plus(Duration.ofDays(i)), "Aino", "Support");
        }
        answered("zendesk", "950", "ces", 7, null, prev.plus(Duration.ofDays(1)), "Bob", "Billing");
    }
}
