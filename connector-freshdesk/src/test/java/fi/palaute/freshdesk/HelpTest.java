package fi.palaute.freshdesk;

import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.common.config.Service;
import fi.palaute.common.config.Setting;
import org.junit.jupiter.api.Test;

class HelpTest {
    @Test
    void helpListsEverySettingTheJarReads() {
        String help = Main.commands().usage();
        assertTrue(help.contains("check"));
        for (Setting s : Setting.of(Service.FRESHDESK)) assertTrue(help.contains(s.name()), s.name() + " missing:\n" + help);
        for (String named : new String[] {"PALAUTE_COMPANY", "PALAUTE_ANSWER_WINDOW", "PALAUTE_LOG_LEVEL"}) {
            assertTrue(help.contains(named), named);
        }
    }
}
