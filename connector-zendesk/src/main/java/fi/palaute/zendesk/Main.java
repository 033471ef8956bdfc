package fi.palaute.zendesk;

import fi.palaute.common.app.ServiceRuntime;
import fi.palaute.common.app.SurveyConnector;
import fi.palaute.common.config.Service;
import fi.palaute.common.config.SettingException;
import fi.palaute.common.config.SettingsHelp;
import fi.palaute.common.config.Settings;
import fi.palaute.common.http.Metrics;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;

/** {@code java -jar connector-zendesk.jar [serve|setup|check|--help]} */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        fi.palaute.common.app.Logging.configureOrExit(System.getenv());
        String command = args.length == 0 ? "serve" : args[0];
        switch (command) {
            case "serve" -> serve();
            case "setup" -> System.exit(setup(Settings.fromEnvironment(), System.out));
            case "check" -> System.exit(new CheckCommand(Settings.fromEnvironment(), Clock.systemUTC(), System.out).run());
            case "--help", "-h", "help" -> usage(System.out);
            default -> {
                System.err.println("palaute: unknown command '" + command + "'");
                usage(System.err);
                System.exit(2);
            }
        }
    }

    private static void serve() {
        Settings env = Settings.fromEnvironment();
        ZendeskSettings zendesk = ServiceRuntime.orExit(() -> ZendeskSettings.from(env, true));
        ServiceRuntime runtime = ServiceRuntime.orExit(() -> {
            try {
                return new ZendeskConnector(SurveyConnector.builder("zendesk", env, ZendeskConnector.DEFAULT_PORT),
                        zendesk).start();
            } catch (IOException e) {
                System.err.println("palaute: cannot start the HTTP service: " + e.getMessage());
                System.exit(1);
                return null;
            }
        });
        runtime.closeOnShutdown();
    }

    static int setup(Settings env, PrintStream out) {
        try {
            URI publicUrl = env.url(fi.palaute.common.config.Setting.PALAUTE_PUBLIC_URL);
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
        out.print("""
                Palaute Zendesk connector: a one-question survey when a ticket is solved.

                usage: java -jar connector-zendesk.jar [command]

                commands:
                  serve    (default) receive webhooks on POST /webhooks/zendesk, send surveys, record answers
                  setup    create or update the Zendesk webhook and trigger, and show the signing secret
                  check    verify settings, database and Zendesk API access, then exit (non-zero on failure)
                  --help   this text

                """ + SettingsHelp.forService(Service.ZENDESK));
    }
}
