package fi.palaute.freshdesk;

import fi.palaute.common.app.CommandRunner;
import fi.palaute.common.config.Service;
import fi.palaute.common.job.JobWorker;

/** {@code java -jar connector-freshdesk.jar [serve | check | --help]}; no argument serves. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        commands().main(args);
    }

    static CommandRunner commands() {
        return CommandRunner.builder(Service.FRESHDESK, "Palaute Freshdesk connector: a one-question survey when a ticket is resolved.")
                .command("serve", "POST /webhooks/freshdesk, rating pages /r/{token}, /api/summary, /api/responses.csv, "
                        + "/healthz, /metrics; runs the survey and write-back jobs", inv -> {
                            inv.startUp();
                            FreshdeskConnector.start(inv.env(), inv.clock(), JobWorker.Options.defaults()).closeOnShutdown();
                            return CommandRunner.KEEP_RUNNING;
                        })
                .command("check", "verify settings, database and Freshdesk API access, then exit (0 = all ok)",
                        inv -> new CheckCommand(inv.env(), inv.out(), inv.clock()).run())
                .build();
    }
}
