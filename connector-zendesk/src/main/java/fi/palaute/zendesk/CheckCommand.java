package fi.palaute.zendesk;

import fi.palaute.common.app.CheckReport;
import fi.palaute.common.client.ApiRejectedException;
import fi.palaute.common.client.ApiRetryableException;
import fi.palaute.common.config.Service;
import fi.palaute.common.config.ServiceSettings;
import fi.palaute.common.config.Setting;
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
 * {@code check}: settings, database and Zendesk API access, one line each, then exit non-zero if
 * anything failed. Every check runs even after a failure, so one run shows every problem; the API token
 * is tried even before {@code setup} has created the webhook secret.
 */
public final class CheckCommand {
    private final Settings env;
    private final Clock clock;
    private final PrintStream out;

    public CheckCommand(Settings env, Clock clock, PrintStream out) {
        this.env = env;
        this.clock = clock;
        this.out = out;
    }

    /** @return the process exit code: 0 when every check passed */
    public int run() {
        CheckReport report = new CheckReport("Palaute Zendesk connector", out);
        if (report.settings(Service.ZENDESK, env, Set.of(Setting.ZENDESK_WEBHOOK_SECRET))) {
            report.check("settings", this::surveySettings);
        }
        Optional<ZendeskSettings> zendesk = report.check("zendesk settings", () -> ZendeskSettings.from(env, false),
                z -> z.baseUrl() + " as " + z.email());
        report.database(env);
        if (zendesk.isPresent()) checkApi(report, zendesk.get());
        else report.fail("zendesk API", "skipped: fix the Zendesk settings first");
        return report.finish();
    }

    private String surveySettings() {
        ServiceSettings service = ServiceSettings.from(env, ZendeskConnector.DEFAULT_PORT);
        SurveySettings survey = SurveySettings.from(env);
        TemplateCatalog templates = TemplateCatalog.load(survey.templatesDir().orElse(null), survey.locale());
        if (!templates.contains(survey.surveyTemplate())) {
            throw new SettingException("PALAUTE_SURVEY", "no template with id '" + survey.surveyTemplate() + "'");
        }
        fi.palaute.common.app.SurveyConnector.requireCompanyName(templates, survey);
        return "survey " + survey.surveyTemplate() + ", port " + service.port() + ", public URL " + survey.publicUrl()
                + ", send delay " + survey.sendDelay() + ", admin API " + (service.adminToken().isPresent() ? "on" : "off");
    }

    private void checkApi(CheckReport report, ZendeskSettings zs) {
        ZendeskClient client = ZendeskClient.create(zs, new Metrics(), clock)
                .withPurpose(fi.palaute.common.client.CallPurpose.CHECK);
        Optional<ZendeskUser> me = report.check("zendesk API", () -> {
            ZendeskUser user = client.me();
            if (!user.isAgent()) {
                throw new IllegalStateException("signed in as " + (user.email() == null ? "an anonymous user" : user.email())
                        + " with role " + user.role() + ": the token must belong to an agent or admin");
            }
            return user;
        }, user -> "signed in as " + user.name() + " <" + user.email() + ">, role " + user.role());
        if (me.isEmpty()) return;
        zs.handleTimeField().ifPresent(id -> field(report, client, "ZENDESK_HANDLE_TIME_FIELD", id));
        zs.scoreField().ifPresent(id -> field(report, client, "ZENDESK_SCORE_FIELD", id));
    }

    private void field(CheckReport report, ZendeskClient client, String setting, long id) {
        report.check(setting, () -> {
            try {
                return "ticket field " + id + " \"" + client.ticketFieldTitle(id) + "\"";
            } catch (ApiRejectedException | ApiRetryableException e) {
                throw new IllegalStateException("ticket field " + id + ": " + e.getMessage(), e);
            }
        });
    }
}
