package fi.palaute.slack;

import fi.palaute.common.config.ServiceSettings;
import fi.palaute.common.config.Service;
import fi.palaute.common.config.SettingException;
import fi.palaute.common.config.SettingsHelp;
import fi.palaute.common.config.Settings;
import fi.palaute.common.job.JobWorker;
import fi.palaute.common.store.Database;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/** {@code java -jar connector-slack.jar [serve | digest --period day|week|month [--dry-run] | --help]}. */
public final class Main {
    static final String USAGE = """
            Palaute Slack connector: scheduled score digests, low-score alerts and the /cx command.

            Usage:
              java -jar connector-slack.jar [serve]          run the service (digests, alerts, /cx)
              java -jar connector-slack.jar digest --period day|week|month [--dry-run]
                                                             post the trailing period ending now, then exit;
                                                             --dry-run prints the message JSON without posting
              java -jar connector-slack.jar --help           this text

            """ + SettingsHelp.forService(Service.SLACK);

    private final Settings env;
    private final Clock clock;
    private final PrintStream out;
    private final PrintStream err;

    Main(Settings env, Clock clock, PrintStream out, PrintStream err) {
        this.env = env;
        this.clock = clock;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) throws Exception {
        fi.palaute.common.app.Logging.configureOrExit(System.getenv());
        Main main = new Main(Settings.fromEnvironment(), Clock.systemUTC(), System.out, System.err);
        int code = main.run(args);
        if (code >= 0) System.exit(code);
        // serving: the HTTP server and the shutdown hook keep the process alive
    }

    /** Runs a command; returns the exit code, or -1 when a service was started and keeps running. */
    int run(String[] args) throws Exception {
        List<String> a = Arrays.asList(args);
        if (a.contains("--help") || a.contains("-h") || a.contains("help")) {
            out.print(USAGE);
            return 0;
        }
        String command = a.isEmpty() ? "serve" : a.get(0);
        try {
            switch (command) {
                case "serve" -> {
                    SlackSettings slack = SlackSettings.from(env);
                    slack.botToken();
                    ServiceSettings service = ServiceSettings.from(env, SlackService.DEFAULT_PORT);
                    Database db = Database.open(env);
                    SlackService.start(slack, service, db, clock, JobWorker.Options.defaults(),
                            SlackService.SCHEDULER_INTERVAL).runtime().closeOnShutdown();
                    return -1;
                }
                case "digest" -> {
                    PeriodKind kind;
                    int i = a.indexOf("--period");
                    try {
                        kind = PeriodKind.parse(i >= 0 && i + 1 < a.size() ? a.get(i + 1) : null);
                    } catch (IllegalArgumentException e) {
                        err.println("palaute: digest needs --period day, week or month");
                        return 2;
                    }
                    SlackSettings slack = SlackSettings.from(env);
                    try (Database db = Database.open(env)) {
                        return new DigestCommand(slack, db, clock, out, err).run(kind, a.contains("--dry-run"));
                    }
                }
                default -> {
                    err.println("palaute: unknown command '" + command + "'");
                    err.print(USAGE);
                    return 2;
                }
            }
        } catch (SettingException e) {
            err.println("palaute: " + e.getMessage());
            return 2;
        }
    }
}
