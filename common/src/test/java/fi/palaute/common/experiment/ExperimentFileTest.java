package fi.palaute.common.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.common.config.SettingException;
import fi.palaute.common.score.Metric;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExperimentFileTest {
    private static final Map<String, Metric> TEMPLATES = Map.of("csat", Metric.CSAT, "csat_short", Metric.CSAT,
            "ces", Metric.CES);
    private final ExperimentFile file = new ExperimentFile(id -> Optional.ofNullable(TEMPLATES.get(id)));

    private static final String DESIGN_EXAMPLE = """
            {"experiments": [{"id": "short-question", "start": "2026-12-01T00:00:00Z",
              "end": null, "arms": [{"id": "control", "survey": "csat"},
                                    {"id": "short", "survey": "csat_short", "send_delay": "PT2H", "weight": 1}]}]}
            """;

    private Experiments parse(String json) {
        return file.parse("experiments.json", json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theDesignExampleReads() {
        Experiment e = parse(DESIGN_EXAMPLE).all().get(0);
        assertEquals("short-question", e.id());
        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), e.start());
        assertEquals(Optional.empty(), e.end());
        assertEquals("control", e.first().id());
        assertEquals(Optional.empty(), e.first().sendDelay());
        assertEquals(1.0, e.first().weight());
        assertEquals(Optional.of(Duration.ofHours(2)), e.second().sendDelay());
        assertEquals(Metric.CSAT, e.second().metric());
    }

    /** Each mistake stops start-up with one line naming the setting, the file, the experiment and the field. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown survey | \"csat_shortt\" | experiment \"short-question\": arms[1].survey no template with id \"csat_shortt\"",
            "zero weight | \"weight\": 1 | experiment \"short-question\": arms[1].weight must be a number above 0",
            "bad duration | \"PT2H\" | experiment \"short-question\": arms[1].send_delay must be an ISO-8601 duration",
            "end before start | \"end\": null | experiment \"short-question\": end must be after start",
            "unknown field | \"weight\": 1 | experiment \"short-question\": arms[1].wieght is not a known field"})
    void mistakesNameTheFileTheExperimentAndTheField(String what, String ignored, String expected) {
        String json = switch (what) {
            case "unknown survey" -> DESIGN_EXAMPLE.replace("\"csat_short\"", "\"csat_shortt\"");
            case "zero weight" -> DESIGN_EXAMPLE.replace("\"weight\": 1", "\"weight\": 0");
            case "bad duration" -> DESIGN_EXAMPLE.replace("\"PT2H\"", "\"2 hours\"");
            case "end before start" -> DESIGN_EXAMPLE.replace("\"end\": null", "\"end\": \"2026-11-30T00:00:00Z\"");
            case "unknown field" -> DESIGN_EXAMPLE.replace("\"weight\": 1", "\"wieght\": 1");
            default -> throw new AssertionError(what);
        };
        SettingException e = assertThrows(SettingException.class, () -> parse(json));
        assertEquals("PALAUTE_EXPERIMENTS", e.setting());
        assertTrue(e.getMessage().startsWith("PALAUTE_EXPERIMENTS: experiments.json: " + expected), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void overlappingExperimentsAreRefused() {
        String json = """
                {"experiments": [
                  {"id": "first", "start": "2026-12-01T00:00:00Z", "end": null,
                   "arms": [{"id": "a", "survey": "csat"}, {"id": "b", "survey": "ces"}]},
                  {"id": "second", "start": "2027-01-01T00:00:00Z", "end": "2027-02-01T00:00:00Z",
                   "arms": [{"id": "a", "survey": "csat"}, {"id": "b", "survey": "csat_short"}]}]}""";
        SettingException e = assertThrows(SettingException.class, () -> parse(json));
        assertTrue(e.getMessage().startsWith("PALAUTE_EXPERIMENTS: experiments.json: experiment \"second\": start overlaps "
                + "experiment \"first\""), e.getMessage());
        Experiments fine = parse(json.replace("\"end\": null", "\"end\": \"2027-01-01T00:00:00Z\""));
        assertEquals(2, fine.all().size(), "one ending as the next starts is fine");
        assertEquals("second", fine.runningAt(Instant.parse("2027-01-01T00:00:00Z")).orElseThrow().id());
    }

    @Test
    void otherMistakesAreNamedToo() {
        assertMessage("{\"experiments\": [", "experiments.json: not valid JSON at line 1");
        assertMessage("[]", "experiments.json: must be a JSON object");
        assertMessage("{\"experiments\": [{\"id\": \"x\", \"start\": \"2026-12-01\", \"arms\": []}]}",
                "experiments.json: experiment \"x\": start must be an ISO instant");
        assertMessage("{\"experiments\": [{\"id\": \"x\", \"start\": \"2026-12-01T00:00:00Z\", \"arms\": "
                + "[{\"id\": \"a\", \"survey\": \"csat\"}]}]}", "experiments.json: experiment \"x\": arms must list at least two");
        assertMessage("{\"experiments\": [{\"id\": \"x\", \"start\": \"2026-12-01T00:00:00Z\", \"arms\": "
                + "[{\"id\": \"a\", \"survey\": \"csat\"}, {\"id\": \"a\", \"survey\": \"ces\"}]}]}",
                "experiments.json: experiment \"x\": arms[1].id \"a\" is given twice");
        assertMessage("{\"experiments\": [{\"id\": \"x\", \"start\": \"2026-12-01T00:00:00Z\", \"arms\": "
                + "[{\"id\": \"a\", \"survey\": \"csat\"}, {\"id\": \"b\", \"survey\": \"ces\", \"send_delay\": \"-PT1H\"}]}]}",
                "experiments.json: experiment \"x\": arms[1].send_delay must not be negative");
        assertMessage("{\"experiments\": [{\"id\": \"x\", \"start\": \"2026-12-01T00:00:00Z\", \"arms\": "
                + "[{\"id\": \"a\", \"survey\": \"csat\"}, {\"id\": \"b\", \"survey\": \"ces\", \"weight\": \"1\"}]}]}",
                "experiments.json: experiment \"x\": arms[1].weight must be a number above 0");
    }

    private void assertMessage(String json, String expected) {
        SettingException e = assertThrows(SettingException.class, () -> parse(json));
        assertTrue(e.getMessage().startsWith("PALAUTE_EXPERIMENTS: " + expected), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }
}
