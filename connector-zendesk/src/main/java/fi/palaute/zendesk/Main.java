package fi.palaute.zendesk;

import fi.palaute.common.app.CommandRunner;
import fi.palaute.common.app.Invocation;
import fi.palaute.common.app.SurveyConnector;
import fi.palaute.common.config.Service;
import fi.palaute.common.config.Setting;
import fi.palaute.common.config.SettingException;
import fi.palaute.common.config.Settings;
import fi.palaute.common.http.Metrics;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.util.Set;

/** {@code java -jar connector-zendesk.jar [serve|setup|check|--help]} */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        commands().main(args);
    }

    static CommandRunner commands() {
        return CommandRunner.builder(Service.ZENDESK, "Palaute Zendesk connector: a one-question survey when a ticket is solved.")
                .command("serve", "receive webhooks on POST /webhooks/zendesk, send surveys, record answers", Main::serve)
                .command("setup", "create or update the Zendesk webhook and trigger, and show the signing secret "
                        + "(an admin's token; needs neither ZENDESK_WEBHOOK_SECRET nor PALAUTE_LINK_SECRET)", inv -> {
                            inv.requireValidSettings(Set.of(Setting.ZENDESK_WEBHOOK_SECRET, Setting.PALAUTE_LINK_SECRET));
                            return setup(inv.env(), inv.out());
                        })
                .command("check", "verify settings, database and Zendesk API access, then exit (non-zero on failure)",
                        inv -> new CheckCommand(inv.env(), inv.clock(), inv.out()).run())
                .build();
    }

    private static int serve(Invocation inv) throws IOException {
        inv.startUp();
        ZendeskSettings zendesk = ZendeskSettings.from(inv.env(), true);
        new ZendeskConnector(SurveyConnector.builder("zendesk", inv.env(), ZendeskConnector.DEFAULT_PORT), zendesk)
                .start().closeOnShutdown();
        return CommandRunner.KEEP_RUNNING;
    }

    static int setup(Settings env, PrintStream out) {
        try {
            URI publicUrl = env.url(Setting.PALAUTE_PUBLIC_URL);
            ZendeskSettings zendesk = ZendeskSettings.from(env, false);
            ZendeskClient client = ZendeskClient.create(zendesk, new Metrics(), Clock.systemUTC())
                    .withPurpose(fi.palaute.common.client.CallPurpose.SETUP);
            return new SetupCommand(client, zendesk, publicUrl, out).run();
        } catch (SettingException e) {
            out.println("palaute: " + e.getMessage());
            return 2;
        }
    }

    static void usage(PrintStream out) {
        out.print(commands().usage());
    }
}
