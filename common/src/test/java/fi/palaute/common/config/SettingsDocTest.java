package fi.palaute.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/settings.md is generated from {@link Setting}; this fails when the two disagree. Run with
 * {@code -Dpalaute.writeSettingsDoc=true} to rewrite the file instead.
 */
class SettingsDocTest {
    private static final Path DOC = Path.of("..", "docs", "settings.md");

    @Test
    void settingsDocMatchesTheDeclarations() throws IOException {
        String generated = SettingsDoc.markdown();
        if (Boolean.getBoolean("palaute.writeSettingsDoc")) Files.writeString(DOC, generated, StandardCharsets.UTF_8);
        assertTrue(Files.exists(DOC), "docs/settings.md is missing: regenerate it (see its header)");
        assertEquals(generated, Files.readString(DOC, StandardCharsets.UTF_8),
                "docs/settings.md differs from the declarations in Setting.java: regenerate it (see its header)");
    }

    @Test
    void everyDeclaredSettingIsInTheDoc() {
        String doc = SettingsDoc.markdown();
        for (Setting s : Setting.values()) assertTrue(doc.contains("| `" + s.name() + "` |"), s.name());
    }
}
