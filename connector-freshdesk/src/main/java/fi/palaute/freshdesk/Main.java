package fi.palaute.freshdesk;

import fi.palaute.common.app.ServiceRuntime;
import fi.palaute.common.config.SettingException;
import fi.palaute.common.config.Settings;
import fi.palaute.common.job.JobWorker;
import java.io.IOException;
import java.time.Clock;

/** {@code java -jar connector-freshdesk.jar [check | --help]}; no argument serves. */
public final class Main {
    static final String USAGE = """
            usage: java -jar connector-freshdesk.jar [command]

            commands:
              (none)    serve: POST /webhooks/freshdesk, rating pages /r/{token}, /api/summary,
                        /api/responses.csv, /healthz, /metrics; runs the survey and write-back jobs
              check     verify settings, database and Freshdesk API access, then exit (0 = all ok)
              --help    this text

            settings (environment variables):
              PALAUTE_DB_URL            JDBC URL (default jdbc:sqlite:palaute.db)
              PALAUTE_DB_USER, PALAUTE_DB_PASSWORD
              PALAUTE_PORT              listen port (default 8082)
              PALAUTE_ADMIN_TOKEN       bearer token for /api/* (unset: admin API off)
              PALAUTE_PUBLIC_URL        required: base URL customers reach (rating links)
              PALAUTE_LINK_SECRET       required, >= 32 characters: signs rating links
              PALAUTE_SURVEY            csat (default), ces, nps or a custom template id
              PALAUTE_LOCALE            fallback language (default en)
              PALAUTE_TEMPLATES_DIR     folder of custom templates
              PALAUTE_SEND_DELAY        ISO-8601 duration after resolve (default PT0S)
              PALAUTE_COOLDOWN          one survey per requester per window (default P7D)
              PALAUTE_SAMPLE_RATE       share of eligible tickets surveyed (default 1.0)
              PALAUTE_EXCLUDE_TAGS      tags that suppress a survey (default no_survey)
              PALAUTE_JOB_LEASE         how long a worker holds a claimed job (default PT5M, min PT1M)
              FRESHDESK_DOMAIN          account, e.g. acme for acme.freshdesk.com
              FRESHDESK_URL             base URL; overrides FRESHDESK_DOMAIN
              FRESHDESK_API_KEY         required: an agent's API key (Basic auth, password X)
              FRESHDESK_WEBHOOK_SECRET  required, >= 16 characters: the automation rule sends it
              FRESHDESK_SCORE_FIELD     optional cf_... number field to write the score into
              FRESHDESK_CALLS_PER_MINUTE  our API pace (default 100; slows further on X-Ratelimit-Remaining)
            """;

    private Main() {}

    public static void main(String[] args) throws IOException {
        fi.palaute.common.app.Logging.configureOrExit(System.getenv());
        String command = args.length == 0 ? "serve" : args[0];
        switch (command) {
            case "serve" -> serve();
            case "check" -> System.exit(new CheckCommand(Settings.fromEnvironment(), System.out, Clock.systemUTC()).run());
            case "--help", "-h", "help" -> System.out.print(USAGE);
            default -> {
                System.err.println("palaute: unknown command '" + command + "'");
                System.err.print(USAGE);
                System.exit(2);
            }
        }
    }

    private static void serve() throws IOException {
        ServiceRuntime runtime;
        try {
            runtime = FreshdeskConnector.start(Settings.fromEnvironment(), Clock.systemUTC(), JobWorker.Options.defaults());
        } catch (SettingException | fi.palaute.common.survey.TemplateException e) {
            System.err.println("palaute: " + e.getMessage());
            System.exit(2);
            return;
        }
        runtime.closeOnShutdown();
    }
}
