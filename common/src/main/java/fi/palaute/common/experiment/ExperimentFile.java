package fi.palaute.common.experiment;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.palaute.common.config.SettingException;
import fi.palaute.common.score.Metric;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads and validates the PALAUTE_EXPERIMENTS file:
 * <pre>{"experiments": [{"id": "short-question", "start": "2026-12-01T00:00:00Z", "end": null,
 *   "arms": [{"id": "control", "survey": "csat"},
 *            {"id": "short", "survey": "csat_short", "send_delay": "PT2H", "weight": 1}]}]}</pre>
 * Strictly: an unknown field, survey id, weight or duration, or two experiments whose windows overlap,
 * stops start-up with one line naming the setting, the file, the experiment and the field, so that a
 * typo never runs an experiment nobody meant.
 */
public final class ExperimentFile {
    public static final String SETTING = "PALAUTE_EXPERIMENTS";
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Set<String> TOP_FIELDS = Set.of("experiments");
    private static final Set<String> EXPERIMENT_FIELDS = Set.of("id", "start", "end", "arms");
    private static final Set<String> ARM_FIELDS = Set.of("id", "survey", "send_delay", "weight");

    private final ObjectMapper json = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private final Function<String, Optional<Metric>> metricOfSurvey;

    /** @param metricOfSurvey the metric of a template id, empty for an id with no template */
    public ExperimentFile(Function<String, Optional<Metric>> metricOfSurvey) {
        this.metricOfSurvey = metricOfSurvey;
    }

    public Experiments read(Path file) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SettingException(SETTING, file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        return parse(file.toString(), content);
    }

    Experiments parse(String source, byte[] content) {
        JsonNode root;
        try {
            root = json.readTree(content);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new SettingException(SETTING, source + ": not valid JSON" + where + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new SettingException(SETTING, source + ": cannot be read");
        }
        if (root == null || !root.isObject()) throw fail(source, null, null, "must be a JSON object {\"experiments\": [...]}");
        unknownFields(source, null, "", root, TOP_FIELDS);
        JsonNode list = root.get("experiments");
        if (list == null || !list.isArray()) throw fail(source, null, "experiments", "must be a list of experiments");
        List<Experiment> experiments = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            Experiment e = experiment(source, i, list.get(i));
            if (!ids.add(e.id())) throw fail(source, e.id(), "id", "is given to two experiments");
            for (Experiment earlier : experiments) {
                if (earlier.overlaps(e)) {
                    throw fail(source, e.id(), "start", "overlaps experiment \"" + earlier.id()
                            + "\": at most one experiment runs at a time (give the earlier one an end)");
                }
            }
            experiments.add(e);
        }
        return new Experiments(experiments);
    }

    private Experiment experiment(String source, int index, JsonNode node) {
        String label = "experiments[" + index + "]";
        if (node == null || !node.isObject()) throw fail(source, null, label, "must be an object");
        String id = text(node, "id").orElseThrow(() -> fail(source, null, label + ".id", "is missing"));
        if (!ID.matcher(id).matches()) {
            throw fail(source, null, label + ".id", "must be lower-case letters, digits, - or _ (e.g. short-question)");
        }
        unknownFields(source, id, "", node, EXPERIMENT_FIELDS);
        Instant start = instant(source, id, node, "start")
                .orElseThrow(() -> fail(source, id, "start", "is missing (an ISO instant such as 2026-12-01T00:00:00Z)"));
        Optional<Instant> end = instant(source, id, node, "end");
        if (end.isPresent() && !end.get().isAfter(start)) throw fail(source, id, "end", "must be after start");
        JsonNode armList = node.get("arms");
        if (armList == null || !armList.isArray() || armList.size() < 2) {
            throw fail(source, id, "arms", "must list at least two arms (the first is the control)");
        }
        List<Arm> arms = new ArrayList<>();
        Set<String> armIds = new HashSet<>();
        for (int i = 0; i < armList.size(); i++) {
            Arm arm = arm(source, id, "arms[" + i + "]", armList.get(i));
            if (!armIds.add(arm.id())) throw fail(source, id, "arms[" + i + "].id", "\"" + arm.id() + "\" is given twice");
            arms.add(arm);
        }
        return new Experiment(id, start, end, arms);
    }

    private Arm arm(String source, String experiment, String label, JsonNode node) {
        if (node == null || !node.isObject()) throw fail(source, experiment, label, "must be an object");
        unknownFields(source, experiment, label + ".", node, ARM_FIELDS);
        String id = text(node, "id").orElseThrow(() -> fail(source, experiment, label + ".id", "is missing"));
        if (!ID.matcher(id).matches()) {
            throw fail(source, experiment, label + ".id", "must be lower-case letters, digits, - or _ (e.g. control)");
        }
        String survey = text(node, "survey").orElseThrow(() -> fail(source, experiment, label + ".survey",
                "is missing (a template id such as csat)"));
        Metric metric = metricOfSurvey.apply(survey).orElseThrow(() -> fail(source, experiment, label + ".survey",
                "no template with id \"" + survey + "\""));
        Optional<Duration> sendDelay = Optional.empty();
        JsonNode delay = node.get("send_delay");
        if (delay != null && !delay.isNull()) {
            try {
                if (!delay.isTextual()) throw new DateTimeParseException("not text", "", 0);
                Duration d = Duration.parse(delay.asText().strip());
                if (d.isNegative()) throw fail(source, experiment, label + ".send_delay", "must not be negative");
                sendDelay = Optional.of(d);
            } catch (DateTimeParseException e) {
                throw fail(source, experiment, label + ".send_delay", "must be an ISO-8601 duration such as PT2H");
            }
        }
        double weight = 1;
        JsonNode w = node.get("weight");
        if (w != null && !w.isNull()) {
            if (!w.isNumber() || !(w.asDouble() > 0) || Double.isInfinite(w.asDouble())) {
                throw fail(source, experiment, label + ".weight", "must be a number above 0");
            }
            weight = w.asDouble();
        }
        return new Arm(id, survey.strip().toLowerCase(java.util.Locale.ROOT), metric, sendDelay, weight);
    }

    private Optional<Instant> instant(String source, String experiment, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) return Optional.empty();
        try {
            if (!value.isTextual()) throw new DateTimeParseException("not text", "", 0);
            return Optional.of(Instant.parse(value.asText().strip()));
        } catch (DateTimeParseException e) {
            throw fail(source, experiment, field, "must be an ISO instant such as 2026-12-01T00:00:00Z");
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank()
                ? Optional.of(value.asText().strip()) : Optional.empty();
    }

    private static void unknownFields(String source, String experiment, String prefix, JsonNode node, Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw fail(source, experiment, prefix + name, "is not a known field (known: "
                        + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    private static SettingException fail(String source, String experiment, String field, String problem) {
        StringBuilder line = new StringBuilder(source).append(": ");
        if (experiment != null) line.append("experiment \"").append(experiment).append("\": ");
        if (field != null) line.append(field).append(' ');
        return new SettingException(SETTING, line.append(problem).toString());
    }
}
