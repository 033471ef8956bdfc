package fi.palaute.zendesk;

import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.common.config.Service;
import fi.palaute.common.config.Setting;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HelpTest {
    @Test
    void helpListsEverySettingTheJarReads() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Main.usage(new PrintStream(out, true, StandardCharsets.UTF_8));
        String help = out.toString(StandardCharsets.UTF_8);
        for (String command : new String[] {"serve", "setup", "check"}) assertTrue(help.contains(command), command);
        for (Setting s : Setting.of(Service.ZENDESK)) assertTrue(help.contains(s.name()), s.name() + " missing:\n" + help);
        for (String named : new String[] {"PALAUTE_COMPANY", "PALAUTE_ANSWER_WINDOW", "PALAUTE_LOG_LEVEL"}) {
            assertTrue(help.contains(named), named);
        }
    }
}
