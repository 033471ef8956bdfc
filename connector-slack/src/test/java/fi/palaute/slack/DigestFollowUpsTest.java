package fi.palaute.slack;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.common.followup.Actor;
import fi.palaute.common.followup.FollowUp;
import fi.palaute.common.followup.FollowUpStore;
import fi.palaute.common.store.Database;
import fi.palaute.common.store.MutableClock;
import fi.palaute.common.store.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The digest's follow-ups line: how many low scores, how many someone took up, how fast, how many late. */
class DigestFollowUpsTest {
    private final Database db = TestDatabases.open(TestDatabases.Kind.SQLITE);

    @AfterEach
    void close() {
        db.close();
    }

    private String digest() {
        DigestReportQuery q = new DigestReportQuery(db, Duration.ofHours(4), new MutableClock(Instant.parse("2026-03-10T09:00:00Z")));
        return new DigestComposer().compose(q.load(DigestComposerTest.WEEK)).toJson().toString();
    }

    @Test
    void digestSaysHowManyLowScoresWereFollowedUpHowFastAndHowManyPastTheSla() {
        Fixture f = new Fixture(db);
        FollowUpStore store = new FollowUpStore(db);
        Instant mon = Instant.parse("2026-03-02T10:00:00Z");
        assertFalse(digestWith(f, mon).contains("Follow-ups"), "no low scores, no line");
        FollowUp a = store.ensureFor(f.answered("zendesk", "1", "csat", 1, "bad", mon, "Aino", "Support"));
        FollowUp b = store.ensureFor(f.answered("zendesk", "2", "csat", 2, null, mon.plusSeconds(3600), "Aino", "Support"));
        store.ensureFor(f.answered("freshdesk", "3", "ces", 2, null, mon.plusSeconds(7200), "Bob", "Billing"));
        store.claim(a.id(), new Actor("U1", "aino"), a.createdAt().plus(Duration.ofMinutes(20)));
        store.claim(b.id(), new Actor("U2", "bob"), b.createdAt().plus(Duration.ofMinutes(56)));
        String json = digest();
        assertTrue(json.contains("*Follow-ups* 3 low scores, 2 followed up, median 38 min to claim, 1 past the SLA"), json);
    }

    private String digestWith(Fixture f, Instant mon) {
        f.answered("zendesk", "0", "csat", 5, null, mon, "Aino", "Support");
        return digest();
    }
}
