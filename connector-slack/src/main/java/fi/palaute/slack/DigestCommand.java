package fi.palaute.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.palaute.common.config.SettingException;
import fi.palaute.common.http.Metrics;
import fi.palaute.common.job.RetryLaterException;
import fi.palaute.common.store.Database;
import java.io.PrintStream;
import java.time.Clock;

/**
 * {@code digest --period day|week|month [--dry-run]}: the trailing period ending now, posted at once (or,
 * with {@code --dry-run}, only printed). Not recorded in {@code digests}: a manual look is not the
 * scheduled digest and must not stop it.
 */
public final class DigestCommand {
    private final SlackSettings settings;
    private final Database db;
    private final Clock clock;
    private final PrintStream out;
    private final PrintStream err;

    public DigestCommand(SlackSettings settings, Database db, Clock clock, PrintStream out, PrintStream err) {
        this.settings = settings;
        this.db = db;
        this.clock = clock;
        this.out = out;
        this.err = err;
    }

    /** Returns the process exit code. */
    public int run(PeriodKind kind, boolean dryRun) throws Exception {
        String channel = dryRun ? settings.digestChannel().orElse("(SLACK_DIGEST_CHANNEL)") : settings.requireDigestChannel();
        String token = dryRun ? null : settings.botToken();
        DigestPeriod period = DigestPeriod.trailing(kind, clock.instant(), settings.schedule().zone());
        SlackMessage message = new DigestComposer().compose(new DigestReportQuery(db, settings.followUpSla(), clock).load(period));
        // Not a job, so not searched for on a retry (there is none); the metadata still says what posted it.
        PostMessage request = new PostMessage(channel, message).withMetadata(new MessageMetadata(
                PostEvent.DIGEST.eventType(), "digest-now:" + channel + ":" + kind.id() + ":" + period.start()));
        String pretty = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(request.toJson());
        if (dryRun) {
            out.println(pretty);
            return 0;
        }
        try {
            PostedMessage posted = new SlackClient(settings.apiUrl(), token, new Metrics(), clock)
                    .withPurpose(fi.palaute.common.client.CallPurpose.DIGEST).postMessage(request);
            out.println("posted the " + kind.id() + " digest (" + period.label() + ") to " + posted.channel() + " ts="
                    + posted.ts());
            out.println(pretty);
            return 0;
        } catch (SlackApiException e) {
            err.println("palaute: " + e.getMessage());
            return 1;
        } catch (RetryLaterException e) {
            err.println("palaute: " + e.getMessage() + " (try again later)");
            return 1;
        } catch (SettingException e) {
            throw e;
        } catch (RuntimeException e) {
            err.println("palaute: posting the digest failed: " + e.getMessage());
            return 1;
        }
    }
}
