package fi.palaute.common.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.common.score.Metric;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TemplateCatalogTest {

    @TempDir
    Path dir;

    private final TemplateCatalog bundled = TemplateCatalog.load(null, "en");

    @Test
    void bundledTemplatesCoverThreeMetricsInEnglishAndFinnish() {
        assertEquals(Set.of("csat", "ces", "nps"), bundled.ids());
        for (String id : bundled.ids()) {
            assertEquals(Set.of("en", "fi"), bundled.locales(id));
            assertEquals(Metric.fromId(id), bundled.find(id, "en").metric());
            assertEquals(Metric.fromId(id), bundled.find(id, "fi").metric());
        }
    }

    @Test
    void bundledQuestionsMatchTheMetricDefinitions() {
        assertEquals("How satisfied were you with the support you received?", bundled.find("csat", "en").question());
        assertEquals("{company} made it easy for me to handle my issue.", bundled.find("ces", "en").question());
        assertEquals("How likely are you to recommend {company} to a friend or colleague?",
                bundled.find("nps", "en").question());
    }

    @Test
    void finnishRequesterGetsFinnishQuestion() {
        SurveyTemplate template = bundled.find("csat", "fi");
        assertEquals("fi", template.locale());
        assertEquals("Kuinka tyytyväinen olit saamaasi tukeen?", template.question());
    }

    @ParameterizedTest
    @ValueSource(strings = {"fi", "fi-FI", "fi_FI", "FI", " fi-fi "})
    void localeVariantsMatchTheLanguage(String locale) {
        assertEquals("fi", bundled.find("nps", locale).locale());
    }

    @Test
    void missingTranslationFallsBackToDefaultLocale() {
        assertEquals("en", bundled.find("csat", "sv-SE").locale());
        assertEquals("fi", TemplateCatalog.load(null, "fi-FI").find("csat", "de").locale());
    }

    @Test
    void unknownOrAbsentLocaleUsesDefaultLocale() {
        assertEquals("en", bundled.find("ces", null).locale());
        assertEquals("en", bundled.find("ces", "").locale());
        assertEquals("en", bundled.find("ces", "not a locale!").locale());
    }

    @Test
    void templateWithoutDefaultLocaleFallsBackToAnyLanguage() throws IOException {
        write("short.json", template("csat-short", "csat", "fi", Map.of()));
        TemplateCatalog catalog = TemplateCatalog.load(dir, "en");
        assertEquals("fi", catalog.find("csat-short", "sv").locale());
    }

    @Test
    void unknownTemplateIdIsAClearError() {
        TemplateException e = assertThrows(TemplateException.class, () -> bundled.find("csatt", "en"));
        assertTrue(e.getMessage().contains("unknown survey template \"csatt\""), e.getMessage());
        assertTrue(e.getMessage().contains("ces, csat, nps"), e.getMessage());
        assertFalse(bundled.contains("csatt"));
    }

    @Test
    void templateIdIsMatchedIgnoringCase() {
        assertEquals("nps", bundled.find("NPS", "en").id());
        assertTrue(bundled.contains(" Csat "));
    }

    @Test
    void customTemplateOverridesBundled() throws IOException {
        write("csat.fi.json", template("csat", "csat", "fi-FI", Map.of("question", "Saitko apua?")));
        TemplateCatalog catalog = TemplateCatalog.load(dir, "en");
        assertEquals("Saitko apua?", catalog.find("csat", "fi").question());
        // the other language of the same id is still the bundled one
        assertEquals("How satisfied were you with the support you received?", catalog.find("csat", "en").question());
    }

    @Test
    void customTemplateDirAddsNewId() throws IOException {
        write("csat-short.en.json", template("csat-short", "csat", "en", Map.of("question", "Happy with our help?")));
        TemplateCatalog catalog = TemplateCatalog.load(dir, "en");
        assertEquals(Set.of("ces", "csat", "csat-short", "nps"), catalog.ids());
        SurveyTemplate template = catalog.find("csat-short", "en");
        assertEquals("Happy with our help?", template.question());
        assertEquals(Metric.CSAT, template.metric());
    }

    @Test
    void filesOtherThanJsonInTheFolderAreIgnored() throws IOException {
        Files.writeString(dir.resolve("README.txt"), "not a template");
        Files.writeString(dir.resolve(".csat.en.json.swp"), "{");
        assertEquals(Set.of("ces", "csat", "nps"), TemplateCatalog.load(dir, "en").ids());
    }

    @Test
    void malformedTemplateNamesFileAndField() throws IOException {
        Path custom = Files.createDirectories(dir.resolve("custom"));
        Map<String, Object> withoutQuestion = new LinkedHashMap<>();
        withoutQuestion.put("question", null);
        Files.writeString(custom.resolve("csat.fi.json"), template("csat", "csat", "fi", withoutQuestion));

        TemplateException e = assertThrows(TemplateException.class, () -> TemplateCatalog.load(custom, "en"));
        assertEquals(custom.resolve("csat.fi.json") + ": field \"question\" is missing", e.getMessage());
    }

    @Test
    void emptyFieldIsNamed() throws IOException {
        write("a.json", template("csat", "csat", "fi", Map.of("thankYou", "  ")));
        assertProblem("a.json: field \"thankYou\" is empty");
    }

    @Test
    void fieldOfWrongTypeIsNamed() throws IOException {
        write("a.json", template("csat", "csat", "fi", Map.of("lowLabel", 1)));
        assertProblem("a.json: field \"lowLabel\" must be a string, not number");
    }

    @Test
    void unknownMetricIsNamed() throws IOException {
        write("a.json", template("csat-x", "stars", "en", Map.of()));
        assertProblem("a.json: field \"metric\" is \"stars\" but must be csat, ces or nps");
    }

    @Test
    void badLocaleIsNamed() throws IOException {
        write("a.json", template("csat-x", "csat", "Finnish!", Map.of()));
        assertProblem("a.json: field \"locale\" must be a language");
    }

    @Test
    void badIdIsNamed() throws IOException {
        write("a.json", template("my survey", "csat", "en", Map.of()));
        assertProblem("a.json: field \"id\" must be lower-case letters");
    }

    @Test
    void misspelledPlaceholderIsNamed() throws IOException {
        write("a.json", template("nps", "nps", "en", Map.of("question", "Would you recommend {compnay}?")));
        assertProblem("a.json: field \"question\" has unknown placeholder \"{compnay}\"");
    }

    @Test
    void invalidJsonNamesFileAndPosition() throws IOException {
        write("broken.json", "{\"id\": \"csat\",\n \"metric\": }");
        assertProblem("broken.json: not valid JSON at line 2");
    }

    @Test
    void duplicateKeyIsRefused() throws IOException {
        write("dup.json", "{\"id\": \"a\", \"id\": \"b\"}");
        assertProblem("dup.json: not valid JSON");
    }

    @Test
    void jsonThatIsNotAnObjectIsRefused() throws IOException {
        write("list.json", "[]");
        assertProblem("list.json: must be a JSON object");
    }

    @Test
    void sameIdAndLanguageTwiceInFolderIsRefused() throws IOException {
        write("a.json", template("csat", "csat", "fi", Map.of()));
        write("b.json", template("csat", "csat", "fi-FI", Map.of()));
        assertProblem("b.json: template \"csat\" in \"fi\" is also defined in " + dir.resolve("a.json"));
    }

    @Test
    void overrideMayNotChangeTheMetricOfAnId() throws IOException {
        write("csat.fi.json", template("csat", "nps", "fi", Map.of()));
        assertProblem("csat.fi.json: field \"metric\" is \"nps\" but template \"csat\" is \"csat\" in templates/csat.");
    }

    @Test
    void missingTemplateFolderIsAnError() {
        Path missing = dir.resolve("nope");
        TemplateException e = assertThrows(TemplateException.class, () -> TemplateCatalog.load(missing, "en"));
        assertTrue(e.getMessage().startsWith(missing.toString()), e.getMessage());
    }

    @Test
    void invalidFallbackLocaleIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TemplateCatalog.load(null, "english"));
    }

    private void assertProblem(String expectedStart) {
        TemplateException e = assertThrows(TemplateException.class, () -> TemplateCatalog.load(dir, "en"));
        String expected = dir.resolve(expectedStart.substring(0, expectedStart.indexOf(':'))) + expectedStart.substring(expectedStart.indexOf(':'));
        assertTrue(e.getMessage().startsWith(expected), "expected \"" + expected + "…\" but was \"" + e.getMessage() + "\"");
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    /** A complete template as JSON, with some fields replaced (a null value leaves the field out). */
    static String template(String id, String metric, String locale, Map<String, ?> changes) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", id);
        fields.put("metric", metric);
        fields.put("locale", locale);
        fields.put("subject", "How did we do?");
        fields.put("question", "Question?");
        fields.put("lowLabel", "Low");
        fields.put("highLabel", "High");
        fields.put("commentHint", "You can comment.");
        fields.put("commentPrompt", "Comment?");
        fields.put("confirmButton", "Send");
        fields.put("chooseScore", "Choose a score.");
        fields.put("thankYou", "Thanks!");
        fields.put("answerRecorded", "Recorded.");
        fields.put("changeAnswerHint", "Use the link again to change it.");
        fields.put("invalidLink", "Invalid link.");
        fields.put("expiredLink", "Expired link.");
        fields.putAll(changes);
        return fields.entrySet().stream()
                .filter(field -> field.getValue() != null)
                .map(field -> "  \"" + field.getKey() + "\": " + (field.getValue() instanceof String text
                        ? "\"" + text.replace("\"", "\\\"") + "\""
                        : String.valueOf(field.getValue())))
                .collect(Collectors.joining(",\n", "{\n", "\n}\n"));
    }
}
