package fi.palaute.common.config;

import static fi.palaute.common.config.Scope.ALL;
import static fi.palaute.common.config.Scope.FRESHDESK;
import static fi.palaute.common.config.Scope.SLACK;
import static fi.palaute.common.config.Scope.SURVEY;
import static fi.palaute.common.config.Scope.ZENDESK;

import fi.palaute.common.survey.ChannelRules;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every environment variable a Palaute service reads, declared once: which services read it, its type,
 * whether it is required or its default, and what it means. Validation ({@link Settings}), each jar's
 * {@code --help} ({@link SettingsHelp}) and {@code docs/settings.md} ({@link SettingsDoc}) are made from
 * these declarations, so adding a setting is adding one constant here (see docs/architecture.md).
 */
public enum Setting {
    // All services
    PALAUTE_DB_URL(ALL, SettingType.jdbcUrl(), Need.defaultsTo("jdbc:sqlite:palaute.db"),
            "the database. All services of one deployment must use the same one: with SQLite the same file on one "
                    + "host, jdbc:postgresql://host/db for several hosts or instances"),
    PALAUTE_DB_USER(ALL, SettingType.text(), Need.optional(), "database user (or user= in the URL)"),
    PALAUTE_DB_PASSWORD(ALL, SettingType.secret(0), Need.optional(), "database password (or password= in the URL)"),
    PALAUTE_PORT(ALL, SettingType.port(), Need.servicePort(), "listen port"),
    PALAUTE_BIND(ALL, SettingType.matching("listen address", "[A-Za-z0-9.:%-]{1,253}",
            "must be an IP address or host name of this host, such as 127.0.0.1 or 0.0.0.0"), Need.defaultsTo("0.0.0.0"),
            "listen address: 0.0.0.0 for every interface, 127.0.0.1 for this host only (behind a local proxy)"),
    PALAUTE_ADMIN_TOKEN(ALL, SettingType.secret(16), Need.optional(),
            "bearer token for /api/* and the sign-in of /dashboard; unset turns the admin API and the dashboard off"),
    PALAUTE_METRICS_TOKEN(ALL, SettingType.secret(16), Need.optional(),
            "when set, GET /metrics wants it as a bearer token (Authorization: Bearer …); unset: /metrics is open, "
                    + "so keep the port off the internet or set this"),
    PALAUTE_RETENTION(ALL, SettingType.duration(), Need.defaultsTo("P30D"),
            "finished jobs, webhook events and records of Slack posts older than this are deleted, a small batch at "
                    + "a time; surveys, answers and outcomes are kept"),
    PALAUTE_LOG_LEVEL(ALL, SettingType.oneOf("trace", "debug", "info", "warn", "error", "off"), Need.defaultsTo("info"),
            "log level of the service's log lines (standard error)"),
    PALAUTE_FOLLOWUP_SLA(ALL, SettingType.duration(), Need.defaultsTo("PT4H"),
            "how long a low-score follow-up may wait for a claim: past it the alert's thread gets one reminder, "
                    + "and summaries and digests count it as past the SLA"),

    // Survey connectors
    PALAUTE_PUBLIC_URL(SURVEY, SettingType.httpUrl(), Need.required(),
            "base URL customers reach, used in rating links (https in production; https also makes the dashboard's "
                    + "session cookie Secure)"),
    PALAUTE_LINK_SECRET(SURVEY, SettingType.secret(32), Need.required(), "key that signs rating links"),
    PALAUTE_SURVEY(SURVEY, SettingType.matching("template id", "[A-Za-z0-9_-]{1,64}",
            "must be csat, ces, nps or a template id (letters, digits, - and _)"), Need.defaultsTo("csat"),
            "csat, ces or nps, or the id of a custom template"),
    PALAUTE_LOCALE(SURVEY, SettingType.matching("language code", "[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})?",
            "must be a language code such as en or fi"), Need.defaultsTo("en"),
            "language of the survey when the requester's language has no template"),
    PALAUTE_TEMPLATES_DIR(SURVEY, SettingType.folder(), Need.optional(), "folder of custom templates (JSON)"),
    PALAUTE_SEND_DELAY(SURVEY, SettingType.duration(), Need.defaultsTo("PT0S"),
            "how long after the solve the survey goes out; keep it shorter than the helpdesk's auto-close"),
    PALAUTE_COOLDOWN(SURVEY, SettingType.duration(), Need.defaultsTo("P7D"),
            "at most one survey per requester in this window"),
    PALAUTE_SAMPLE_RATE(SURVEY, SettingType.fraction(), Need.defaultsTo("1.0"), "share of eligible tickets surveyed"),
    PALAUTE_EXCLUDE_TAGS(SURVEY, SettingType.list(), Need.defaultsTo("no_survey"), "ticket tags that suppress a survey"),
    PALAUTE_COMPANY(SURVEY, SettingType.text(), Need.optional(),
            "company name in survey texts and on the rating page; unset: each language's own default (en \"our "
                    + "support team\", fi \"Asiakaspalvelumme\"), and required for a custom template whose wording names the company "
                    + "and has no default name"),
    PALAUTE_BRAND_COLOR(SURVEY, SettingType.hexColour(), Need.optional(),
            "brand colour of the rating pages' buttons and the chosen score, and a rule in the survey e-mail; the text "
                    + "on it is white or dark, whichever reads better; unset: Palaute's blue"),
    PALAUTE_LOGO_URL(SURVEY, SettingType.httpsUrl(), Need.optional(),
            "https URL of a logo shown at the top of the rating pages and the survey e-mail (about 40 px high; the "
                    + "pages' Content-Security-Policy allows images from its origin only); unset: the company name"),
    PALAUTE_ANSWER_QUIET_PERIOD(SURVEY, SettingType.duration(), Need.defaultsTo("PT2M"),
            "how long the write-back of an answer waits for a change of mind: changes in that time reach the ticket "
                    + "as one update (a survey takes at most 10 answers, and raises at most one low-score alert)"),
    PALAUTE_ANSWER_WINDOW(SURVEY, SettingType.duration(), Need.defaultsTo("P14D"),
            "how long a survey takes answers (and a later answer replaces an earlier one)"),
    PALAUTE_SURVEY_BY_CHANNEL(SURVEY, SettingType.channelSurveys(), Need.optional(),
            "survey per channel, e.g. chat=ces,voice=none,*=csat (none: no survey on that channel, recorded as "
                    + "suppressed with reason channel; * : every other channel); unset: PALAUTE_SURVEY everywhere"),
    PALAUTE_TEXT_CHANNELS(SURVEY, SettingType.channelNames(), Need.defaultsTo(ChannelRules.DEFAULT_TEXT_CHANNELS),
            "channels that cannot show HTML: they get the survey as a short plain-text reply; none for no such channel"),
    PALAUTE_EXPERIMENTS(SURVEY, SettingType.file(), Need.optional(),
            "JSON file of survey experiments (A/B tests; see docs/experiments.md); unset: no experiments"),
    PALAUTE_JOB_LEASE(SURVEY, SettingType.duration(), Need.defaultsTo("PT5M"),
            "how long a worker holds a claimed job before a crashed instance's jobs are taken up again (min PT1M)"),

    // Zendesk
    ZENDESK_SUBDOMAIN(ZENDESK, SettingType.matching("subdomain", "[A-Za-z0-9][A-Za-z0-9-]{0,62}",
            "must be only the subdomain, such as acme for acme.zendesk.com (or set ZENDESK_URL)"),
            Need.requiredUnless("ZENDESK_URL"), "account subdomain: acme for acme.zendesk.com"),
    ZENDESK_URL(ZENDESK, SettingType.httpUrl(), Need.optional(),
            "the account's base URL instead of the subdomain (proxies, tests)"),
    ZENDESK_EMAIL(ZENDESK, SettingType.matching("e-mail address", ".*@.*",
            "must be the e-mail address of the agent the API token belongs to"), Need.required(),
            "e-mail of the agent or admin the API token belongs to"),
    ZENDESK_API_TOKEN(ZENDESK, SettingType.secret(0), Need.required(),
            "API token (Admin Center > Apps and integrations > Zendesk API)"),
    ZENDESK_WEBHOOK_SECRET(ZENDESK, SettingType.secret(0), Need.required(),
            "the webhook's signing secret; setup creates the webhook and prints it (not needed by setup)"),
    ZENDESK_HANDLE_TIME_FIELD(ZENDESK, SettingType.matching("ticket field id", "[1-9][0-9]{0,18}",
            "must be the numeric id of a ticket field (Admin Center > Objects and rules > Ticket fields)"),
            Need.optional(), "id of the Time Tracking \"Total time spent (sec)\" field; unset: no handle time"),
    ZENDESK_SCORE_FIELD(ZENDESK, SettingType.matching("ticket field id", "[1-9][0-9]{0,18}",
            "must be the numeric id of a ticket field (Admin Center > Objects and rules > Ticket fields)"),
            Need.optional(), "id of a numeric ticket field the score is written into"),
    ZENDESK_UPDATES_PER_MINUTE(ZENDESK, SettingType.wholeNumber(1, 10_000_000), Need.defaultsTo("100"),
            "this instance's pace of ticket updates; split the account's limit between instances"),
    ZENDESK_READS_PER_MINUTE(ZENDESK, SettingType.wholeNumber(1, 10_000_000), Need.defaultsTo("200"),
            "this instance's pace of API reads; split the account's limit between instances"),

    // Freshdesk
    FRESHDESK_DOMAIN(FRESHDESK, SettingType.matching("account domain", "(?i)(https?://)?[a-z0-9.-]+/*",
            "must be an account name such as acme or acme.freshdesk.com"), Need.requiredUnless("FRESHDESK_URL"),
            "account: acme or acme.freshdesk.com"),
    FRESHDESK_URL(FRESHDESK, SettingType.httpUrl(), Need.optional(),
            "the account's base URL instead of the domain (proxies, tests)"),
    FRESHDESK_API_KEY(FRESHDESK, SettingType.secret(0), Need.required(),
            "an agent's API key (Profile settings > API key)"),
    FRESHDESK_WEBHOOK_SECRET(FRESHDESK, SettingType.secret(16), Need.required(),
            "the shared secret the automation rule sends"),
    FRESHDESK_SCORE_FIELD(FRESHDESK, SettingType.matching("custom field name", "cf_[A-Za-z0-9_]+",
            "must be the API name of a custom ticket field, starting with cf_ (e.g. cf_csat_score)"), Need.optional(),
            "cf_... number field the score is written into"),
    FRESHDESK_CALLS_PER_MINUTE(FRESHDESK, SettingType.wholeNumber(1, 10_000_000), Need.defaultsTo("100"),
            "our API pace; it slows further when X-Ratelimit-Remaining runs low"),

    // Slack
    SLACK_BOT_TOKEN(SLACK, SettingType.secretStartingWith("xox", "must be a Slack bot token (xoxb-…)"), Need.required(),
            "bot token (scopes chat:write, commands, channels:history, groups:history, users:read, users:read.email; "
                    + "without the history scopes posts are at least once); digest --dry-run does without"),
    SLACK_API_URL(SLACK, SettingType.httpUrl(), Need.defaultsTo("https://slack.com/api"),
            "Slack Web API base URL (tests, proxies)"),
    SLACK_SIGNING_SECRET(SLACK, SettingType.secret(16), Need.optional(),
            "the app's signing secret; verifies /slack/commands, /slack/interactions and /slack/events (unset: they answer 503)"),
    SLACK_DIGEST_CHANNEL(SLACK, SettingType.text(), Need.optional(), "channel id for digests; unset: no scheduled digests"),
    SLACK_DIGEST_SCHEDULE(SLACK, SettingType.text(), Need.defaultsTo("daily 09:00 UTC"),
            "when digests go out, e.g. 'weekly MON 09:00 Europe/Helsinki' or 'monthly 1 09:00 UTC'"),
    SLACK_ALERT_CHANNEL(SLACK, SettingType.text(), Need.optional(),
            "channel id for low-score alerts (CSAT <= 2, CES <= 3, NPS <= 6); unset: no alerts");

    private final Scope scope;
    private final SettingType type;
    private final Need need;
    private final String meaning;

    Setting(Scope scope, SettingType type, Need need, String meaning) {
        this.scope = scope;
        this.type = type;
        this.need = need;
        this.meaning = meaning;
    }

    public Scope scope() { return scope; }

    public SettingType type() { return type; }

    public Need need() { return need; }

    public String meaning() { return meaning; }

    public boolean readBy(Service service) { return scope.includes(service); }

    /** The settings {@code service} reads, in declaration order. */
    public static List<Setting> of(Service service) {
        return Arrays.stream(values()).filter(s -> s.readBy(service)).toList();
    }

    public static Optional<Setting> named(String name) {
        return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst();
    }
}
