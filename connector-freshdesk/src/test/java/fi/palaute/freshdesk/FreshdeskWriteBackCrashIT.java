package fi.palaute.freshdesk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.palaute.common.app.PackagedService;
import fi.palaute.common.crash.Answer;
import fi.palaute.common.crash.DatabaseView;
import fi.palaute.common.crash.WriteBackCrash;
import fi.palaute.common.store.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue #17, crash: customers answer while the packaged Freshdesk connector is SIGKILLed in the middle of
 * their answers and of the write-backs (see {@link WriteBackCrash}); every final answer ends on its ticket
 * exactly once: one private note with the answer's marker, one score tag, the score field. The fake
 * Freshdesk remembers notes, tags and fields and takes each write 300 ms before answering, so the kill
 * lands between "Freshdesk has it" and "the connector knows".
 */
class FreshdeskWriteBackCrashIT {
    private static final Path JAR = Path.of(System.getProperty("palaute.jar", "target/connector-freshdesk.jar"));
    private static final int CUSTOMERS = Integer.getInteger("palaute.crash.customers", 120);
    private static final String SCORE_FIELD = "cf_palaute_score";

    static Stream<TestDatabases.Kind> kinds() {
        return TestDatabases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void everyFinalAnswerIsWrittenBackExactlyOnceAcrossASigkill(TestDatabases.Kind kind) throws Exception {
        String dbUrl = TestDatabases.newUrl(kind);
        Path log = Files.createTempFile(Path.of("target"), "fd-writeback-crash-" + kind.name().toLowerCase() + "-", ".log");
        try (RecordingFreshdesk freshdesk = new RecordingFreshdesk()) {
            freshdesk.server().stubFor(put(urlPathMatching("/api/v2/tickets/[0-9]+")).atPriority(4)
                    .willReturn(aResponse().withTransformers(RecordingFreshdesk.TRANSFORMER).withFixedDelay(300)));
            freshdesk.server().stubFor(post(urlPathMatching("/api/v2/tickets/[0-9]+/notes")).atPriority(4)
                    .willReturn(aResponse().withTransformers(RecordingFreshdesk.TRANSFORMER).withFixedDelay(300)));
            Map<String, String> env = Harness.packagedSettings(dbUrl, freshdesk.url());
            env.put("PALAUTE_ANSWER_QUIET_PERIOD", "PT3S");
            env.put("PALAUTE_JOB_LEASE", "PT1M");
            env.put("FRESHDESK_SCORE_FIELD", SCORE_FIELD);
            try (PackagedService connector = new PackagedService(JAR, env, log)) {
                WriteBackCrash.Figures figures = new WriteBackCrash(connector, new DatabaseView(dbUrl),
                        fake(freshdesk), Harness.PUBLIC_URL, FreshdeskConnector.SOURCE).run("freshdesk " + kind, CUSTOMERS);
                assertEquals(0, figures.lost());
                assertEquals(0, figures.twice());
            }
        }
    }

    private static WriteBackCrash.FakeHelpdesk fake(RecordingFreshdesk freshdesk) {
        return new WriteBackCrash.FakeHelpdesk() {
            @Override
            public Answer solve(String base, long ticketId) {
                return Answer.send(Harness.resolvedDelivery(base, ticketId));
            }

            @Override
            public Optional<String> surveyReply(long ticketId) {
                return freshdesk.conversations(ticketId).stream().filter(c -> !c.isPrivate())
                        .map(RecordingFreshdesk.Conversation::body).findFirst();
            }

            @Override
            public List<String> notes(long ticketId) {
                return freshdesk.conversations(ticketId).stream().filter(RecordingFreshdesk.Conversation::isPrivate)
                        .map(RecordingFreshdesk.Conversation::body).toList();
            }

            @Override
            public List<String> tags(long ticketId) {
                return freshdesk.tags(ticketId);
            }

            @Override
            public Object scoreField(long ticketId) {
                return freshdesk.customField(ticketId, SCORE_FIELD);
            }

            @Override
            public int writeBackCalls() {
                return freshdesk.writes();
            }
        };
    }
}
