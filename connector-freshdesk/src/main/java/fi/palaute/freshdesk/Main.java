package fi.palaute.freshdesk;

import fi.palaute.common.app.ServiceRuntime;
import fi.palaute.common.config.Service;
import fi.palaute.common.config.SettingException;
import fi.palaute.common.config.SettingsHelp;
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

            """ + SettingsHelp.forService(Service.FRESHDESK);

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
