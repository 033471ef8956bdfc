package fi.palaute.common.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The Finnish texts customers and support leads read keep the native speaker's pass: no comma before
 * "eikä", no translated-from-English "Kiitos silti kiinnostuksestasi" or "niin kauan kuin kysely on auki",
 * and no company name glued to "yritystä" (a name cannot be inflected, so the wording never needs it to be).
 */
class FinnishWordingTest {
    private static final List<String> FINNISH_TEXTS = List.of("/templates/csat.fi.json", "/templates/ces.fi.json",
            "/templates/nps.fi.json", "/dashboard/messages_fi.properties");
    private static final List<String> AVOIDED = List.of(", eikä", "kiinnostuksestasi", "niin kauan kuin", "yritystä");

    @Test
    void finnishTextsAvoidTheWordingTheReviewRejected() throws IOException {
        List<String> found = new ArrayList<>();
        for (String resource : FINNISH_TEXTS) {
            String text = read(resource).toLowerCase(Locale.ROOT);
            for (String avoided : AVOIDED) {
                if (text.contains(avoided)) found.add(resource + ": \"" + avoided + "\"");
            }
        }
        for (SurveyTemplate t : List.of("csat", "ces", "nps").stream()
                .map(id -> TemplateCatalog.load(null, "fi").find(id, "fi").personalised("Acme Oy")).toList()) {
            String all = String.join(" ", t.question(), t.expiredLink(), t.changeAnswerHint(), t.invalidLink());
            for (String avoided : AVOIDED) {
                if (all.toLowerCase(Locale.ROOT).contains(avoided)) found.add(t.id() + " as shown: \"" + avoided + "\"");
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void npsQuestionReadsNaturallyWithAnyCompanyName() {
        SurveyTemplate nps = TemplateCatalog.load(null, "fi").find("nps", "fi").personalised("Acme Oy");
        assertEquals("Kuinka todennäköisesti suosittelisit meitä ystävällesi tai kollegallesi?", nps.question());
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = FinnishWordingTest.class.getResourceAsStream(resource)) {
            if (in == null) throw new IOException("no resource " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
