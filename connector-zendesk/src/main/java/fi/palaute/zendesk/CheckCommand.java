package fi.palaute.zendesk;

import fi.palaute.common.client.ApiRejectedException;
import fi.palaute.common.client.ApiRetryableException;
import fi.palaute.common.config.ServiceSettings;
import fi.palaute.common.config.SettingException;
import fi.palaute.common.config.Settings;
import fi.palaute.common.config.SurveySettings;
import fi.palaute.common.http.Metrics;
import fi.palaute.common.store.Database;
import fi.palaute.common.survey.TemplateCatalog;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code check}: settings, database and Zendesk API access, one line each, then exit non-zero if
 * anything failed. Every check runs even after a failure, so one run shows every problem.
 */
public final class CheckCommand {
    private final Settings env;
    private final Clock clock;
    private final PrintStream out;
    private boolean failed;

    public CheckCommand(Settings env, Clock clock, PrintStream out) {
        this.env = env;
        this.clock = clock;
        this.out = out;
    }

    /** @return the process exit code: 0 when every check passed */
    public int run() {
        out.println("Palaute Zendesk connector: check");
        try {
            ServiceSettings service = ServiceSettings.from(env, ZendeskConnector.DEFAULT_PORT);
            SurveySettings survey = SurveySettings.from(env);
            TemplateCatalog templates = TemplateCatalog.load(survey.templatesDir().orElse(null), survey.locale());
            if (!templates.contains(survey.surveyTemplate())) {
                throw new SettingException("PALAUTE_SURVEY", "no template with id '" + survey.surveyTemplate() + "'");
            }
            ok("settings", "survey " + survey.surveyTemplate() + ", port " + service.port() + ", public URL "
                    + survey.publicUrl() + ", send delay " + survey.sendDelay() + ", admin API "
                    + (service.adminToken().isPresent() ? "on" : "off"));
        } catch (SettingException e) {
            fail("settings", e.getMessage());
        } catch (RuntimeException e) {
            fail("settings", e.getMessage());
        }

        Optional<ZendeskSettings> zendesk = Optional.empty();
        try {
            zendesk = Optional.of(ZendeskSettings.from(env, true));
            ok("zendesk settings", zendesk.get().baseUrl() + " as " + zendesk.get().email());
        } catch (SettingException e) {
            fail("zendesk settings", e.getMessage());
        }

        try (Database db = Database.open(env)) {
            if (db.isHealthy()) ok("database", db.displayUrl() + " (migrations applied)");
            else fail("database", db.displayUrl() + " does not answer");
        } catch (RuntimeException e) {
            fail("database", e.getMessage());
        }

        if (zendesk.isPresent()) checkApi(zendesk.get());
        else fail("zendesk API", "skipped: fix the Zendesk settings first");

        out.println(failed ? "FAILED: fix the lines marked FAIL and run check again." : "All checks passed.");
        return failed ? 1 : 0;
    }

    private void checkApi(ZendeskSettings zs) {
        ZendeskClient client = ZendeskClient.create(zs, new Metrics(), clock)
                .withPurpose(fi.palaute.common.client.CallPurpose.CHECK);
        try {
            ZendeskUser me = client.me();
            if (me.isAgent()) {
                ok("zendesk API", "signed in as " + me.name() + " <" + me.email() + ">, role " + me.role());
            } else {
                fail("zendesk API", "signed in as " + (me.email() == null ? "an anonymous user" : me.email())
                        + " with role " + me.role() + ": the token must belong to an agent or admin");
            }
        } catch (ApiRejectedException | ApiRetryableException e) {
            fail("zendesk API", e.getMessage());
            return;
        }
        zs.handleTimeField().ifPresent(id -> field(client, "ZENDESK_HANDLE_TIME_FIELD", id));
        zs.scoreField().ifPresent(id -> field(client, "ZENDESK_SCORE_FIELD", id));
    }

    private void field(ZendeskClient client, String setting, long id) {
        try {
            ok(setting, "ticket field " + id + " \"" + client.ticketFieldTitle(id) + "\"");
        } catch (ApiRejectedException | ApiRetryableException e) {
            fail(setting, "ticket field " + id + ": " + e.getMessage());
        }
    }

    private void ok(String what, String detail) {
        out.printf("  ok    %-18s %s%n", what, detail);
    }

    private void fail(String what, String detail) {
        failed = true;
        out.printf("  FAIL  %-18s %s%n", what, detail);
    }
}
