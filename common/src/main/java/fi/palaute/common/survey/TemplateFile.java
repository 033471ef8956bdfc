package fi.palaute.common.survey;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.palaute.common.score.Metric;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one template JSON file into a {@link SurveyTemplate}, strictly: every field
 * must be present, a non-empty string and meaningful, so that a typo in a custom
 * template stops start-up instead of sending customers a half-empty survey.
 */
final class TemplateFile {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^{}]*}");

    private final ObjectMapper json;

    TemplateFile() {
        // Duplicate keys are almost always a copy-paste slip; Jackson would silently keep the last.
        this.json = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /**
     * @param source  how the file is named in error messages, e.g. {@code templates/custom/csat.fi.json}
     * @param content the file's bytes (UTF-8 JSON)
     */
    SurveyTemplate parse(String source, byte[] content) {
        JsonNode root = readJson(source, content);
        if (root == null || !root.isObject()) {
            throw new TemplateException(source + ": must be a JSON object with the template's fields");
        }
        Fields fields = new Fields(source, root);
        String id = fields.text("id").toLowerCase(Locale.ROOT);
        if (!ID.matcher(id).matches()) {
            throw fields.invalid("id", "must be lower-case letters, digits, '-' or '_' (e.g. \"csat-short\")");
        }
        Metric metric = metric(fields);
        String locale = Language.fromTag(fields.text("locale"))
                .orElseThrow(() -> fields.invalid("locale", "must be a language such as \"en\", \"fi\" or \"fi-FI\""))
                .code();
        return new SurveyTemplate(id, metric, locale,
                fields.wording("subject"),
                fields.wording("question"),
                fields.wording("lowLabel"),
                fields.wording("highLabel"),
                fields.wording("commentHint"),
                fields.wording("commentPrompt"),
                fields.wording("confirmButton"),
                fields.wording("chooseScore"),
                fields.wording("thankYou"),
                fields.wording("answerRecorded"),
                fields.wording("changeAnswerHint"),
                fields.wording("invalidLink"),
                fields.wording("expiredLink"),
                fields.optionalWording("textPrompt"),
                fields.optionalName("company"));
    }

    private JsonNode readJson(String source, byte[] content) {
        try {
            return json.readTree(content);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new TemplateException(source + ": not valid JSON" + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new TemplateException(source + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static Metric metric(Fields fields) {
        String value = fields.text("metric");
        try {
            return Metric.fromId(value.strip());
        } catch (IllegalArgumentException e) {
            throw fields.invalid("metric", "is \"" + value + "\" but must be csat, ces or nps");
        }
    }

    /** Field access that knows which file it is reading, for error messages. */
    private record Fields(String source, JsonNode root) {

        String text(String name) {
            JsonNode node = root.get(name);
            if (node == null || node.isNull()) {
                throw new TemplateException(source + ": field \"" + name + "\" is missing");
            }
            if (!node.isTextual()) {
                throw invalid(name, "must be a string, not " + node.getNodeType().toString().toLowerCase(Locale.ROOT));
            }
            if (node.asText().isBlank()) {
                throw new TemplateException(source + ": field \"" + name + "\" is empty");
            }
            return node.asText();
        }

        /** Customer-facing text: trimmed, and only the placeholders we know how to fill. */
        String wording(String name) {
            String value = text(name).strip();
            Matcher placeholder = PLACEHOLDER.matcher(value);
            while (placeholder.find()) {
                if (!placeholder.group().equals(SurveyTemplate.COMPANY_PLACEHOLDER)) {
                    throw invalid(name, "has unknown placeholder \"" + placeholder.group()
                            + "\" (only " + SurveyTemplate.COMPANY_PLACEHOLDER + " is filled in)");
                }
            }
            return value;
        }

        /** Wording a custom template may leave out (fields added after custom templates were first written). */
        /** A name put in place of the placeholder: plain text, no placeholder of its own. */
        String optionalName(String name) {
            if (!root.hasNonNull(name)) return null;
            String value = text(name).strip();
            if (PLACEHOLDER.matcher(value).find()) throw invalid(name, "must be a name, without placeholders");
            return value;
        }

        String optionalWording(String name) {
            return root.hasNonNull(name) ? wording(name) : null;
        }

        TemplateException invalid(String name, String problem) {
            return new TemplateException(source + ": field \"" + name + "\" " + problem);
        }
    }
}
