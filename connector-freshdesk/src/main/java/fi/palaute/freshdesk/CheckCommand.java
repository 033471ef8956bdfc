package fi.palaute.freshdesk;

import fi.palaute.common.client.ApiRejectedException;
import fi.palaute.common.config.ServiceSettings;
import fi.palaute.common.config.SettingException;
import fi.palaute.common.config.Settings;
import fi.palaute.common.config.SurveySettings;
import fi.palaute.common.http.Metrics;
import fi.palaute.common.store.Database;
import fi.palaute.common.survey.TemplateCatalog;
import java.io.PrintStream;
import java.time.Clock;

/**
 * {@code check}: settings, database, Freshdesk API access ({@code GET /api/v2/agents/me}), one line
 * each, then exit 0 when all pass and 1 otherwise. Secrets are never printed.
 */
public final class CheckCommand {
    private final Settings env;
    private final PrintStream out;
    private final Clock clock;

    public CheckCommand(Settings env, PrintStream out, Clock clock) {
        this.env = env;
        this.out = out;
        this.clock = clock;
    }

    public int run() {
        out.println("Palaute Freshdesk connector: check");
        FreshdeskSettings freshdesk;
        SurveySettings survey;
        try {
            ServiceSettings service = ServiceSettings.from(env, FreshdeskConnector.DEFAULT_PORT);
            survey = SurveySettings.from(env);
            freshdesk = FreshdeskSettings.from(env);
            TemplateCatalog templates = TemplateCatalog.load(survey.templatesDir().orElse(null), survey.locale());
            if (!templates.contains(survey.surveyTemplate())) {
                throw new SettingException("PALAUTE_SURVEY", "no template with id '" + survey.surveyTemplate() + "'");
            }
            line(true, "settings", "port " + service.port() + ", survey " + survey.surveyTemplate() + ", account "
                    + freshdesk.baseUrl() + ", score field " + freshdesk.scoreField().orElse("(none)"));
        } catch (SettingException | fi.palaute.common.survey.TemplateException e) {
            line(false, "settings", e.getMessage());
            return 1;
        }
        boolean ok = checkDatabase();
        ok &= checkApi(freshdesk);
        out.println("webhook URL for the automation rule: " + survey.publicUrl() + "/webhooks/freshdesk");
        out.println(ok ? "all checks passed" : "some checks FAILED");
        return ok ? 0 : 1;
    }

    private boolean checkDatabase() {
        try (Database db = Database.open(env)) {
            boolean healthy = db.isHealthy();
            line(healthy, "database", db.displayUrl() + (healthy ? " answers, migrations applied" : " does not answer"));
            return healthy;
        } catch (RuntimeException e) {
            line(false, "database", e.getMessage());
            return false;
        }
    }

    private boolean checkApi(FreshdeskSettings freshdesk) {
        try {
            Agent me = FreshdeskConnector.client(freshdesk, new Metrics(), clock)
                    .withPurpose(fi.palaute.common.client.CallPurpose.CHECK).me();
            String who = me.contact() == null ? "agent " + me.id()
                    : me.contact().name() + " <" + me.contact().email() + ">";
            line(true, "freshdesk API", "the API key belongs to " + who);
            return true;
        } catch (ApiRejectedException e) {
            String hint = e.status() == 401 ? " (check FRESHDESK_API_KEY)"
                    : e.status() == 403 ? " (the key's agent lacks permission)"
                    : e.status() == 404 ? " (check FRESHDESK_DOMAIN / FRESHDESK_URL)" : "";
            line(false, "freshdesk API", "GET /api/v2/agents/me answered " + e.status() + ": " + e.vendorMessage() + hint);
            return false;
        } catch (RuntimeException e) {
            line(false, "freshdesk API", e.getMessage());
            return false;
        }
    }

    private void line(boolean ok, String what, String detail) {
        out.printf("%-4s %-14s %s%n", ok ? "ok" : "FAIL", what, detail);
    }
}
