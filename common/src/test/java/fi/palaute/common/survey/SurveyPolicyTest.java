package fi.palaute.common.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.palaute.common.store.Database;
import fi.palaute.common.store.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SurveyPolicyTest {
    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    static final Requester CUSTOMER = new Requester("r1", "aino@example.test", "Aino", "fi", false);

    private Database db;
    private SurveyStore surveys;
    private final SurveyTemplate template = TemplateCatalog.load(null, "en").find("csat", "en");

    @BeforeEach
    void open() {
        db = TestDatabases.open(TestDatabases.Kind.SQLITE);
        surveys = new SurveyStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    static TicketSnapshot ticket(String id, List<String> tags, Requester requester) {
        return new TicketSnapshot(id, "solved", true, false, NOW.minusSeconds(60), tags, requester, "Agent", "Group",
                "email", "https://helpdesk.test/tickets/" + id);
    }

    private Optional<String> decide(SurveyPolicy policy, TicketSnapshot t, String cycle) {
        return db.inTransaction(tx -> policy.suppression(tx, "zendesk", t, cycle, NOW));
    }

    private SurveyPolicy policy(Duration cooldown, double sampleRate) {
        return new SurveyPolicy(surveys, List.of("no_survey", "VIP"), cooldown, sampleRate);
    }

    @Test
    void eligibleTicketIsSurveyed() {
        assertEquals(Optional.empty(), decide(policy(Duration.ofDays(7), 1.0), ticket("1", List.of("billing"), CUSTOMER), "c1"));
    }

    @Test
    void excludedTagSuppressesWhateverItsCase() {
        SurveyPolicy p = policy(Duration.ZERO, 1.0);
        assertEquals(Optional.of("excluded_tag: No_Survey"), decide(p, ticket("1", List.of("billing", "No_Survey"), CUSTOMER), "c1"));
        assertEquals(Optional.of("excluded_tag: vip"), decide(p, ticket("2", List.of("vip"), CUSTOMER), "c1"));
    }

    @Test
    void requesterWithoutAnAddressOrWhoIsAnAgentGetsNoSurvey() {
        SurveyPolicy p = policy(Duration.ZERO, 1.0);
        assertEquals(Optional.of("no_requester_email"), decide(p, ticket("1", List.of(), null), "c1"));
        assertEquals(Optional.of("no_requester_email"),
                decide(p, ticket("2", List.of(), new Requester("r2", " ", "Nobody", null, false)), "c1"));
        assertEquals(Optional.of("requester_is_agent"),
                decide(p, ticket("3", List.of(), new Requester("r3", "agent@example.test", "Agent", null, true)), "c1"));
    }

    @Test
    void cooldownSuppressesASecondSurveyToTheSameRequesterOnlyWithinTheWindow() {
        SurveyPolicy p = policy(Duration.ofDays(7), 1.0);
        surveys.insert("zendesk", ticket("1", List.of(), CUSTOMER), "c1", template, SurveyState.SENT, null,
                NOW.minus(Duration.ofDays(3)), null, null);
        assertEquals(Optional.of("cooldown"), decide(p, ticket("2", List.of(), CUSTOMER), "c2"));
        assertEquals(Optional.empty(), decide(p, ticket("1", List.of(), CUSTOMER), "c1"),
                "the cycle's own survey is no reason to suppress it (a retried job)");
        assertEquals(Optional.empty(), decide(policy(Duration.ofDays(2), 1.0), ticket("2", List.of(), CUSTOMER), "c2"),
                "three days ago is outside a two-day cooldown");
        assertEquals(Optional.empty(), db.inTransaction(tx -> p.suppression(tx, "freshdesk", ticket("2", List.of(), CUSTOMER),
                "c2", NOW)), "another helpdesk's requester with the same id is someone else");
    }

    @Test
    void suppressedSurveysDoNotStartACooldown() {
        surveys.insert("zendesk", ticket("1", List.of(), CUSTOMER), "c1", template, SurveyState.SUPPRESSED, "not_sampled",
                NOW.minus(Duration.ofDays(1)), null, null);
        assertEquals(Optional.empty(), decide(policy(Duration.ofDays(7), 1.0), ticket("2", List.of(), CUSTOMER), "c2"));
    }

    @Test
    void samplingIsStableForATicketAndCycleAndNearTheRate() {
        SurveyPolicy half = policy(Duration.ZERO, 0.5);
        long sampled = IntStream.range(0, 2000)
                .filter(i -> decide(half, ticket(Integer.toString(i), List.of(), CUSTOMER), "c").isEmpty()).count();
        assertEquals(1000.0, sampled, 100.0, "about half of 2,000 tickets are surveyed");
        for (int i = 0; i < 50; i++) {
            TicketSnapshot t = ticket(Integer.toString(i), List.of(), CUSTOMER);
            assertEquals(decide(half, t, "c"), decide(half, t, "c"), "a retried job decides the same");
        }
        assertEquals(Optional.of("not_sampled"), decide(policy(Duration.ZERO, 0.0), ticket("1", List.of(), CUSTOMER), "c"));
    }
}
