package fi.palaute.slack;

import fi.palaute.common.app.CommandRunner;
import fi.palaute.common.app.Invocation;
import fi.palaute.common.config.Service;
import fi.palaute.common.config.ServiceSettings;
import fi.palaute.common.config.Setting;
import fi.palaute.common.job.JobWorker;
import fi.palaute.common.store.Database;
import java.io.IOException;
import java.util.Set;

/** {@code java -jar connector-slack.jar [serve | digest --period day|week|month [--dry-run] | check | --help]}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        commands().main(args);
    }

    static CommandRunner commands() {
        return CommandRunner.builder(Service.SLACK,
                        "Palaute Slack connector: scheduled score digests, low-score alerts and the /cx command.")
                .command("serve", "run the service (digests, alerts, /cx)", Main::serve)
                .command("digest --period day|week|month [--dry-run]", "post the trailing period ending now, then "
                        + "exit; --dry-run prints the message JSON without posting", Main::digest)
                .command("check", "verify settings, database, the bot token, the channels and the signing secret, "
                        + "then exit (non-zero on failure)", inv -> new CheckCommand(inv.env(), inv.clock(), inv.out()).run())
                .build();
    }

    private static int serve(Invocation inv) throws IOException {
        inv.startUp();
        SlackSettings slack = SlackSettings.from(inv.env());
        ServiceSettings service = ServiceSettings.from(inv.env(), SlackService.DEFAULT_PORT);
        Database db = Database.open(inv.env());
        try {
            SlackService.start(slack, service, db, inv.clock(), JobWorker.Options.defaults(), SlackService.SCHEDULER_INTERVAL)
                    .runtime().closeOnShutdown();
        } catch (IOException | RuntimeException e) {
            db.close();
            throw e;
        }
        return CommandRunner.KEEP_RUNNING;
    }

    private static int digest(Invocation inv) throws Exception {
        PeriodKind kind;
        try {
            kind = PeriodKind.parse(inv.option("--period"));
        } catch (IllegalArgumentException e) {
            inv.err().println("palaute: digest needs --period day, week or month");
            return CommandRunner.EXIT_SETTINGS;
        }
        boolean dryRun = inv.hasFlag("--dry-run");
        inv.requireValidSettings(dryRun ? Set.of(Setting.SLACK_BOT_TOKEN) : Set.of());
        SlackSettings slack = SlackSettings.from(inv.env());
        try (Database db = Database.open(inv.env())) {
            return new DigestCommand(slack, db, inv.clock(), inv.out(), inv.err()).run(kind, dryRun);
        }
    }
}
