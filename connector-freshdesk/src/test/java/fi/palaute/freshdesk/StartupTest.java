package fi.palaute.freshdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.common.app.CommandRunner;
import fi.palaute.common.config.Settings;
import fi.palaute.common.store.TestDatabases;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code serve} that cannot start says why in one line per problem and exits 2. */
class StartupTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int serve(Map<String, String> env) {
        return Main.commands().run(List.of("serve"), new Settings(env), Clock.systemUTC(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void aPortInUseIsOneLineNamingPalautePortAndThePort() throws Exception {
        try (FreshdeskFake fake = new FreshdeskFake(); ServerSocket taken = new ServerSocket(0)) {
            Map<String, String> env = new HashMap<>(Harness.settings(fake, TestDatabases.Kind.SQLITE, Map.of()));
            env.put("PALAUTE_PORT", String.valueOf(taken.getLocalPort()));
            assertEquals(CommandRunner.EXIT_SETTINGS, serve(env), err.toString(StandardCharsets.UTF_8));
            String e = err.toString(StandardCharsets.UTF_8).strip();
            assertTrue(e.startsWith("palaute: PALAUTE_PORT: port " + taken.getLocalPort() + " is already in use"), e);
            assertEquals(1, e.lines().count(), e);
        }
    }

    @Test
    void anEmptySetupListsEveryMissingSettingAtOnce() {
        assertEquals(CommandRunner.EXIT_SETTINGS, serve(Map.of("PALAUTE_DB_URL", TestDatabases.newSqliteUrl())));
        List<String> lines = err.toString(StandardCharsets.UTF_8).strip().lines().toList();
        assertEquals(List.of("palaute: PALAUTE_PUBLIC_URL: is required but not set",
                "palaute: PALAUTE_LINK_SECRET: is required but not set",
                "palaute: FRESHDESK_DOMAIN: is required (or set FRESHDESK_URL)",
                "palaute: FRESHDESK_API_KEY: is required but not set",
                "palaute: FRESHDESK_WEBHOOK_SECRET: is required but not set"), lines);
        assertFalse(out.toString(StandardCharsets.UTF_8).contains("Exception"));
    }
}
