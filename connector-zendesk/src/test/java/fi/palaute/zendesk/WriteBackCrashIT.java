package fi.palaute.zendesk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
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
 * Issue #17, crash: customers answer while the packaged Zendesk connector is SIGKILLed in the middle of
 * their answers and of the write-backs (see {@link WriteBackCrash}); every final answer ends on its ticket
 * exactly once: one private note with the answer's marker, one score tag, the score field. The fake
 * Zendesk applies each Update Many at once and answers 300 ms later, so the kill lands between "Zendesk
 * has it" and "the connector knows".
 */
class WriteBackCrashIT {
    private static final Path JAR = Path.of(System.getProperty("palaute.jar", "target/connector-zendesk.jar"));
    private static final int CUSTOMERS = Integer.getInteger("palaute.crash.customers", 120);
    private static final long SCORE_FIELD = 360_001_234_567L;

    static Stream<TestDatabases.Kind> kinds() {
        return TestDatabases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void everyFinalAnswerIsWrittenBackExactlyOnceAcrossASigkill(TestDatabases.Kind kind) throws Exception {
        String dbUrl = TestDatabases.newUrl(kind);
        Path log = Files.createTempFile(Path.of("target"), "writeback-crash-" + kind.name().toLowerCase() + "-", ".log");
        try (RecordingZendesk zendesk = new RecordingZendesk()) {
            zendesk.server.stubFor(put(urlPathEqualTo("/api/v2/tickets/update_many")).atPriority(4)
                    .willReturn(aResponse().withTransformers(RecordingZendesk.TRANSFORMER).withFixedDelay(300)));
            Map<String, String> env = RunningConnector.packagedSettings(dbUrl, zendesk.url());
            env.put("PALAUTE_ANSWER_QUIET_PERIOD", "PT3S");
            env.put("PALAUTE_JOB_LEASE", "PT1M");
            env.put("ZENDESK_SCORE_FIELD", Long.toString(SCORE_FIELD));
            try (PackagedService connector = new PackagedService(JAR, env, log)) {
                WriteBackCrash.Figures figures = new WriteBackCrash(connector, new DatabaseView(dbUrl), fake(zendesk),
                        RunningConnector.PUBLIC_URL, "zendesk").run("zendesk " + kind, CUSTOMERS);
                assertEquals(0, figures.lost());
                assertEquals(0, figures.twice());
            }
        }
    }

    private static WriteBackCrash.FakeHelpdesk fake(RecordingZendesk zendesk) {
        return new WriteBackCrash.FakeHelpdesk() {
            @Override
            public Answer solve(String base, long ticketId) {
                return Answer.send(RunningConnector.signedDelivery(base,
                        RunningConnector.triggerBody(ticketId, RecordingZendesk.SOLVED.toString())));
            }

            @Override
            public Optional<String> surveyReply(long ticketId) {
                return zendesk.comments(ticketId).stream().filter(RecordingZendesk.Comment::isPublic)
                        .map(c -> c.htmlBody() != null ? c.htmlBody() : c.body()).findFirst();
            }

            @Override
            public List<String> notes(long ticketId) {
                return zendesk.comments(ticketId).stream().filter(c -> !c.isPublic())
                        .map(c -> c.body() != null ? c.body() : c.htmlBody()).toList();
            }

            @Override
            public List<String> tags(long ticketId) {
                return zendesk.tags(ticketId);
            }

            @Override
            public Object scoreField(long ticketId) {
                return zendesk.field(ticketId, SCORE_FIELD);
            }

            @Override
            public int writeBackCalls() {
                return zendesk.bulkUpdates();
            }
        };
    }
}
