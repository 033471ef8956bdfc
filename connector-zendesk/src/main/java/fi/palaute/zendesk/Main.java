package fi.palaute.zendesk;

import fi.palaute.common.app.ServiceRuntime;
import fi.palaute.common.app.SurveyConnector;
import fi.palaute.common.config.SettingException;
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
            URI publicUrl = env.url("PALAUTE_PUBLIC_URL");
            ZendeskSettings zendesk = ZendeskSettings.from(env, false);
            ZendeskClient client = ZendeskClient.create(zendesk, new Metrics(), Clock.systemUTC());
            return new SetupCommand(client, zendesk, publicUrl, out).run();
        } catch (SettingException e) {
            out.println("palaute: " + e.getMessage());
            return 2;
        }
    }

    static void usage(PrintStream out) {
        out.println("""
                Palaute Zendesk connector: a one-question survey when a ticket is solved.

                usage: java -jar connector-zendesk.jar [command]

                commands:
                  serve    (default) receive webhooks on POST /webhooks/zendesk, send surveys, record answers
                  setup    create or update the Zendesk webhook and trigger, and show the signing secret
                  check    verify settings, database and Zendesk API access, then exit (non-zero on failure)
                  --help   this text

                settings (environment variables):
                  ZENDESK_SUBDOMAIN          account subdomain, e.g. acme for acme.zendesk.com
                  ZENDESK_URL                base URL instead of the subdomain (proxies, tests)
                  ZENDESK_EMAIL              agent or admin e-mail the API token belongs to
                  ZENDESK_API_TOKEN          API token (Admin Center > Apps and integrations > Zendesk API)
                  ZENDESK_WEBHOOK_SECRET     the webhook's signing secret (required to serve; 'setup' shows it)
                  ZENDESK_HANDLE_TIME_FIELD  id of the Time Tracking "Total time spent (sec)" field (optional)
                  ZENDESK_SCORE_FIELD        id of a numeric ticket field to write the score into (optional)
                  PALAUTE_PUBLIC_URL         base URL customers reach, used in rating links (required)
                  PALAUTE_LINK_SECRET        key that signs rating links, at least 32 characters (required)
                  PALAUTE_DB_URL             JDBC URL (default jdbc:sqlite:palaute.db)
                  PALAUTE_DB_USER, PALAUTE_DB_PASSWORD  database credentials
                  PALAUTE_PORT               listen port (default 8081)
                  PALAUTE_ADMIN_TOKEN        bearer token for /api/* (unset: admin API off)
                  PALAUTE_SURVEY             csat (default), ces, nps or a custom template id
                  PALAUTE_LOCALE             fallback language (default en)
                  PALAUTE_TEMPLATES_DIR      folder of custom templates (JSON)
                  PALAUTE_SEND_DELAY         ISO-8601 delay after solve (default PT0S); keep it shorter
                                             than the account's close automation (4 days by default)
                  PALAUTE_COOLDOWN           at most one survey per requester in this window (default P7D)
                  PALAUTE_SAMPLE_RATE        share of eligible tickets surveyed (default 1.0)
                  PALAUTE_EXCLUDE_TAGS       tags that suppress a survey (default no_survey)
                  PALAUTE_JOB_LEASE          how long a worker holds a claimed job before a crashed
                                             instance's jobs are taken up again (default PT5M, min PT1M)
                """);
    }
}
