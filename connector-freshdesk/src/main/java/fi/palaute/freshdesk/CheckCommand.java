package fi.palaute.freshdesk;

import fi.palaute.common.app.CheckReport;
import fi.palaute.common.client.ApiRejectedException;
import fi.palaute.common.config.Service;
import fi.palaute.common.config.ServiceSettings;
import fi.palaute.common.config.SettingException;
import fi.palaute.common.config.Settings;
import fi.palaute.common.config.SurveySettings;
import fi.palaute.common.http.Metrics;
import fi.palaute.common.survey.TemplateCatalog;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

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
        CheckReport report = new CheckReport("Palaute Freshdesk connector", out);
        Optional<FreshdeskSettings> freshdesk = Optional.empty();
        if (report.settings(Service.FRESHDESK, env, Set.of())) {
            freshdesk = report.check("settings", () -> {
                ServiceSettings service = ServiceSettings.from(env, FreshdeskConnector.DEFAULT_PORT);
                SurveySettings survey = SurveySettings.from(env);
                FreshdeskSettings settings = FreshdeskSettings.from(env);
                TemplateCatalog templates = TemplateCatalog.load(survey.templatesDir().orElse(null), survey.locale());
                if (!templates.contains(survey.surveyTemplate())) {
                    throw new SettingException("PALAUTE_SURVEY", "no template with id '" + survey.surveyTemplate() + "'");
                }
                fi.palaute.common.app.SurveyConnector.requireCompanyName(templates, survey);
                return new Checked(service, survey, settings);
            }, c -> "port " + c.service().port() + ", survey " + c.survey().surveyTemplate() + ", account "
                    + c.freshdesk().baseUrl() + ", score field " + c.freshdesk().scoreField().orElse("(none)"))
                    .map(Checked::freshdesk);
        }
        report.database(env);
        if (freshdesk.isPresent()) {
            checkApi(report, freshdesk.get());
            out.println("webhook URL for the automation rule: " + freshdesk.get().publicUrl() + "/webhooks/freshdesk");
        } else {
            report.fail("freshdesk API", "skipped: fix the settings first");
        }
        return report.finish();
    }

    private record Checked(ServiceSettings service, SurveySettings survey, FreshdeskSettings freshdesk) {}

    private void checkApi(CheckReport report, FreshdeskSettings freshdesk) {
        report.check("freshdesk API", () -> {
            try {
                Agent me = FreshdeskConnector.client(freshdesk, new Metrics(), clock)
                        .withPurpose(fi.palaute.common.client.CallPurpose.CHECK).me();
                String who = me.contact() == null ? "agent " + me.id()
                        : me.contact().name() + " <" + me.contact().email() + ">";
                return "the API key belongs to " + who;
            } catch (ApiRejectedException e) {
                String hint = e.status() == 401 ? " (check FRESHDESK_API_KEY)"
                        : e.status() == 403 ? " (the key's agent lacks permission)"
                        : e.status() == 404 ? " (check FRESHDESK_DOMAIN / FRESHDESK_URL)" : "";
                throw new IllegalStateException("GET /api/v2/agents/me answered " + e.status() + ": "
                        + e.vendorMessage() + hint, e);
            }
        });
    }
}
