package fi.palaute.common.crash;

import fi.palaute.common.app.PackagedService;
import fi.palaute.common.store.Eventually;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Customers answering while the connector is killed, on any helpdesk: every ticket is surveyed, then
 * customers answer (some change their answer at once, inside the quiet period), the packaged jar is
 * SIGKILLed in the middle of the answers and of the write-backs, and started again. Forms that got no
 * answer are sent again as they were (a browser resubmitting: same nonce), and the customers whose
 * write-back the kill interrupted change their answer once more before that job's lease runs out. In
 * the end each ticket must hold its customer's final answer exactly once: one note carrying that
 * answer's marker, one score tag, the score field; and no answer's note twice. All counted on the fake.
 */
public final class WriteBackCrash {
    private static final Pattern MARKER = Pattern.compile("palaute-answer-([0-9]+)");
    private static final Pattern SCORE_TAG = Pattern.compile("palaute_(csat|ces|nps)_[0-9]+");
    private static final int SENDERS = 8;
    /** What both connectors log when a retried write-back finds its note already on the ticket. */
    public static final String ALREADY_WRITTEN_LOG = "already on ticket=";

    /** The fake helpdesk as the scenario sees it. */
    public interface FakeHelpdesk {
        /** Delivers the helpdesk's "ticket solved" webhook. */
        Answer solve(String base, long ticketId);

        /** The survey reply the fake holds for the ticket (HTML), if any. */
        Optional<String> surveyReply(long ticketId);

        /** The bodies of the private notes the fake holds for the ticket. */
        List<String> notes(long ticketId);

        List<String> tags(long ticketId);

        /** The score field's value on the ticket, or null. */
        Object scoreField(long ticketId);

        /** Write-back calls that reached the fake (any outcome). */
        int writeBackCalls();
    }

    /** What a run measured. */
    public record Figures(String database, int customers, int answersSent, int killedAfter, int noAnswerBeforeRestart,
                          int runningAtKill, int lateChanges, long writeBacksDone, long foundByCheck, int lost, int twice,
                          int notes, int writeBackCalls, Duration recovery) {
        @Override
        public String toString() {
            return String.format("%s: %d customers sent %d answers; SIGKILL after %d customers had finished, %d answers "
                            + "got no answer and were sent again after the restart; %d write-backs running at the kill, "
                            + "%d customers changed their answer again after the restart; %d write-back jobs done, "
                            + "%d earlier landings found by the marker check; %d notes, %d write-back calls; lost %d, "
                            + "twice %d; all jobs done %.1f s after the restart",
                    database, customers, answersSent, killedAfter, noAnswerBeforeRestart, runningAtKill, lateChanges,
                    writeBacksDone, foundByCheck, notes, writeBackCalls, lost, twice, recovery.toMillis() / 1000.0);
        }
    }

    /** One customer's answers, in order, and how far they got. */
    private static final class Customer {
        final long ticket;
        final String path;
        final List<Integer> scores = new ArrayList<>();
        int sent;
        String pendingNonce;

        Customer(long ticket, String path) {
            this.ticket = ticket;
            this.path = path;
        }

        boolean done() {
            return sent == scores.size();
        }

        /** Sends what is left; stops at the first request that got no answer (the connector is down). */
        Answer sendRest(String base) {
            while (!done()) {
                if (pendingNonce == null) {
                    Optional<String> nonce = fi.palaute.common.crash.Customer.openForm(base, path);
                    if (nonce.isEmpty()) return Answer.none("no form");
                    pendingNonce = nonce.get();
                }
                int score = scores.get(sent);
                Answer a = fi.palaute.common.crash.Customer.answer(base, path, pendingNonce, score,
                        "answer " + (sent + 1) + " from ticket " + ticket);
                if (!a.answered()) return a;
                if (a.status() != 200) throw new AssertionError("ticket " + ticket + " answer " + (sent + 1) + ": " + a);
                pendingNonce = null;
                sent++;
            }
            return new Answer(200, "done");
        }
    }

    private final PackagedService connector;
    private final DatabaseView db;
    private final FakeHelpdesk helpdesk;
    private final String publicUrl;
    private final String source;

    public WriteBackCrash(PackagedService connector, DatabaseView db, FakeHelpdesk helpdesk, String publicUrl, String source) {
        this.connector = connector;
        this.db = db;
        this.helpdesk = helpdesk;
        this.publicUrl = publicUrl;
        this.source = source;
    }

    public Figures run(String database, int customers) throws Exception {
        connector.start();
        String base = connector.base();
        // 1. Every ticket solved and surveyed.
        List<Callable<Answer>> solves = new ArrayList<>();
        for (long t = 1; t <= customers; t++) {
            long ticket = t;
            solves.add(() -> helpdesk.solve(base, ticket));
        }
        for (Answer a : Burst.run(solves, SENDERS)) if (!a.ok()) throw new AssertionError("webhook answered " + a);
        db.awaitJobsDone(source + ".", Duration.ofSeconds(60), connector.tail());
        Pattern link = Pattern.compile(Pattern.quote(publicUrl) + "(/r/[A-Za-z0-9_.~-]+)");
        List<Customer> all = new ArrayList<>();
        for (long t = 1; t <= customers; t++) {
            String reply = helpdesk.surveyReply(t).orElseThrow(() -> new AssertionError("no survey on a ticket"));
            Matcher m = link.matcher(reply);
            if (!m.find()) throw new AssertionError("no rating link in " + reply);
            Customer c = new Customer(t, m.group(1));
            int first = 1 + (int) (t % 5);
            c.scores.add(first);
            if (t % 3 == 0) c.scores.add(1 + (first % 5)); // changes it at once, inside the quiet period
            all.add(c);
        }
        // A person reads the mail before answering: answers within seconds of the survey count as a scanner's.
        Instant readable = Instant.now().plus(Duration.ofSeconds(11));
        Eventually.await("the surveys to be read", Duration.ofSeconds(20), () -> Instant.now().isAfter(readable));

        // 2. The first half answers; their write-backs start after the quiet period.
        List<Customer> firstHalf = all.subList(0, customers / 2);
        List<Customer> secondHalf = all.subList(customers / 2, customers);
        List<Callable<Answer>> early = new ArrayList<>();
        for (Customer c : firstHalf) early.add(() -> c.sendRest(base));
        for (Answer a : Burst.run(early, SENDERS)) if (!a.ok()) throw new AssertionError("answer " + a);
        Eventually.await("write-backs under way", Duration.ofSeconds(30), () -> db.count(
                "SELECT COUNT(*) FROM jobs WHERE kind = ? AND state = 'running'", source + ".writeback") >= 2);

        // 3. The second half answers while write-backs run, and the connector is killed in the middle.
        List<Callable<Answer>> late = new ArrayList<>();
        for (Customer c : secondHalf) late.add(() -> c.sendRest(base));
        int killAfter = secondHalf.size() * 2 / 5;
        Burst.run(late, SENDERS, killAfter, connector::kill);
        List<String> deadOwners = db.strings("SELECT DISTINCT lease_owner FROM jobs WHERE state = 'running'");
        List<String> interrupted = db.strings("SELECT payload FROM jobs WHERE state = 'running' AND kind = ?",
                source + ".writeback");
        int runningAtKill = interrupted.size();
        int noAnswer = (int) all.stream().filter(c -> !c.done()).count();

        // 4. Restart; the unanswered forms are sent again as they were.
        connector.start();
        Instant restartedAt = Instant.now();
        List<Callable<Answer>> resends = new ArrayList<>();
        for (Customer c : all) if (!c.done()) resends.add(() -> c.sendRest(base));
        for (Answer a : Burst.run(resends, SENDERS)) if (!a.ok()) throw new AssertionError("answer after the restart " + a);

        // 5. Half the customers whose write-back the kill interrupted change their answer again: that job is
        // still leased to the dead process, so the change gets a job of its own, due after the quiet period.
        // Then the dead process's leases run out (standing in for PALAUTE_JOB_LEASE passing) before that job is
        // due. The other half's interrupted jobs run again as they were and must find a note that landed.
        Set<Long> interruptedSurveys = new HashSet<>();
        for (String payload : interrupted) {
            Matcher m = Pattern.compile("\"survey_?[iI]d\"\\s*:\\s*([0-9]+)").matcher(payload);
            if (m.find()) interruptedSurveys.add(Long.parseLong(m.group(1)));
        }
        int lateChanges = 0;
        for (Customer c : all) {
            String survey = db.strings("SELECT CAST(survey_id AS TEXT) FROM answers WHERE ticket_id = ? AND source = ? "
                    + "AND replaced_at IS NULL", String.valueOf(c.ticket), source).stream().findFirst().orElse("0");
            if (interruptedSurveys.contains(Long.parseLong(survey)) && lateChanges < (interruptedSurveys.size() + 1) / 2) {
                int last = c.scores.get(c.scores.size() - 1);
                c.scores.add(1 + (last % 5));
                Answer a = c.sendRest(base);
                if (!a.ok()) throw new AssertionError("late change " + a);
                lateChanges++;
            }
        }
        db.expireLeasesOf(deadOwners);

        // 6. Everything finishes.
        db.awaitJobsDone(source + ".", Duration.ofSeconds(60), connector.tail());
        Duration recovery = Duration.between(restartedAt, Instant.now());

        // 7. What the agents see on each ticket.
        int lost = 0;
        int twice = 0;
        int notes = 0;
        List<String> problems = new ArrayList<>();
        for (Customer c : all) {
            int finalScore = c.scores.get(c.scores.size() - 1);
            List<String> current = db.strings("SELECT CAST(id AS TEXT) || ':' || CAST(score AS TEXT) FROM answers "
                    + "WHERE ticket_id = ? AND source = ? AND replaced_at IS NULL", String.valueOf(c.ticket), source);
            if (current.size() != 1 || !current.get(0).endsWith(":" + finalScore)) {
                problems.add("ticket " + c.ticket + ": current answer " + current + ", customer's last " + finalScore);
                lost++;
                continue;
            }
            String finalId = current.get(0).split(":")[0];
            Map<String, Integer> perAnswer = new LinkedHashMap<>();
            for (String note : helpdesk.notes(c.ticket)) {
                Matcher m = MARKER.matcher(note);
                if (m.find()) perAnswer.merge(m.group(1), 1, Integer::sum);
            }
            notes += perAnswer.values().stream().mapToInt(Integer::intValue).sum();
            List<String> scoreTags = helpdesk.tags(c.ticket).stream().filter(t -> SCORE_TAG.matcher(t).matches()).toList();
            Object field = helpdesk.scoreField(c.ticket);
            boolean written = perAnswer.getOrDefault(finalId, 0) >= 1
                    && scoreTags.equals(List.of("palaute_csat_" + finalScore))
                    && field != null && field.toString().equals(String.valueOf(finalScore));
            if (!written) {
                lost++;
                problems.add("ticket " + c.ticket + ": final answer " + finalId + " (" + finalScore + ") notes " + perAnswer
                        + ", score tags " + scoreTags + ", field " + field);
            }
            if (perAnswer.values().stream().anyMatch(n -> n > 1)) {
                twice++;
                problems.add("ticket " + c.ticket + ": a note twice " + perAnswer + " (final " + finalId + ")");
            }
        }
        int sent = all.stream().mapToInt(c -> c.scores.size()).sum();
        Figures figures = new Figures(database, customers, sent, killAfter, noAnswer, runningAtKill, lateChanges,
                db.count("SELECT COUNT(*) FROM jobs WHERE kind = ? AND state = 'done'", source + ".writeback"),
                connector.logLines(ALREADY_WRITTEN_LOG), lost, twice, notes, helpdesk.writeBackCalls(), recovery);
        System.out.println("write-back crash on " + figures);
        if (!problems.isEmpty()) {
            throw new AssertionError(figures + "\n" + String.join("\n", problems.subList(0, Math.min(20, problems.size()))));
        }
        return figures;
    }
}
