package fi.palaute.slack;

import fi.palaute.common.experiment.ExperimentResult;
import fi.palaute.common.followup.FollowUpSummary;
import fi.palaute.common.score.CesScore;
import fi.palaute.common.score.CsatScore;
import fi.palaute.common.score.Interval;
import fi.palaute.common.score.Metric;
import fi.palaute.common.score.MetricScore;
import fi.palaute.common.score.NpsScore;
import fi.palaute.common.score.PeriodSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns a {@link DigestReport} into a Slack message. Pure: the same report always gives the same message,
 * which the golden test pins down.
 */
public final class DigestComposer {
    /** Customer comments are cut so that three of them always fit one section. */
    static final int COMMENT_MAX = 500;
    /** Enough agents to be useful on a phone screen. */
    static final int RANKED_MAX = 15;

    public SlackMessage compose(DigestReport r) {
        PeriodSummary cur = r.current();
        String title = "CX digest · " + r.period().label();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Header(title));
        if (!cur.hasAnswers()) {
            String sent = cur.surveysSent() == 1 ? "1 survey was" : cur.surveysSent() + " surveys were";
            blocks.add(new Block.Section("*No survey answers in this period.* " + sent + " sent."
                    + (cur.suspectedBotAnswers() > 0 ? " Suspected bot answers left out: " + cur.suspectedBotAnswers()
                    + "." : "")));
            blocks.add(footer(r));
            return new SlackMessage(title + ": no survey answers in this period.", blocks);
        }
        blocks.add(new Block.Section(scores(r)));
        blocks.add(new Block.Section(operations(cur) + followUps(r.followUps())));
        if (r.bySource().groups().size() > 0) blocks.add(new Block.Section(bySource(r.bySource())));
        if (channelsWithAnswers(r.byChannel()) > 1) blocks.add(new Block.Section(byChannel(r.byChannel())));
        for (ExperimentResult e : r.experiments()) blocks.add(new Block.Section(experimentLine(e)));
        blocks.add(new Block.Divider());
        blocks.add(new Block.Section(lowest(r)));
        blocks.add(new Block.Section(ranking(r.ranked(), "Agents", "agent", r.minRankN())));
        if (hasNamedGroups(r.rankedGroups())) {
            blocks.add(new Block.Section(ranking(r.rankedGroups(), "Groups", "group", r.minRankN())));
        }
        blocks.add(footer(r));
        return new SlackMessage(fallback(title, cur), blocks);
    }

    /** The answer to {@code /cx experiment}: each experiment's arms, differences and verdict. */
    public SlackMessage experiments(List<ExperimentResult> experiments) {
        if (experiments.isEmpty()) {
            String none = "No experiments. An A/B test of surveys is set up with PALAUTE_EXPERIMENTS "
                    + "(see docs/experiments.md).";
            return new SlackMessage(none, List.of(new Block.Section(none)));
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Header("CX experiments"));
        for (ExperimentResult e : experiments) {
            StringBuilder sb = new StringBuilder("*").append(Mrkdwn.escape(e.experiment().id())).append("* · ")
                    .append(e.state().id()).append(" since ").append(e.experiment().start().toString(), 0, 10);
            for (fi.palaute.common.experiment.ArmResult a : e.arms()) {
                sb.append("\n• ").append(Mrkdwn.escape(a.arm().id())).append(" (").append(Mrkdwn.escape(a.arm().survey()))
                        .append("): ").append(a.sent()).append(" sent, response rate ").append(Format.percent(a.responseRate()));
                MetricScore s = a.score();
                if (s.n() > 0) sb.append(" · ").append(s.metric().name()).append(' ').append(headline(s)).append(" (n ")
                        .append(s.n()).append(')');
            }
            sb.append("\n").append(Mrkdwn.escape(e.verdict()));
            blocks.add(new Block.Section(sb.toString()));
        }
        String fallback = experiments.stream().map(e -> e.experiment().id() + ": " + e.verdict())
                .collect(Collectors.joining("; "));
        return new SlackMessage("CX experiments: " + fallback, blocks);
    }

    private String fallback(String title, PeriodSummary cur) {
        List<String> parts = new ArrayList<>();
        for (Metric m : Metric.values()) {
            MetricScore s = cur.score(m);
            if (s.n() > 0) parts.add(m.name() + " " + headline(s) + " (n " + s.n() + ")");
        }
        return title + ": " + String.join(", ", parts) + ". Response rate " + Format.percent(cur.responseRate().rate()) + ".";
    }

    private String scores(DigestReport r) {
        List<String> lines = new ArrayList<>();
        String noun = r.period().noun();
        for (Metric m : Metric.values()) {
            MetricScore s = r.current().score(m);
            if (s.n() == 0) continue;
            StringBuilder line = new StringBuilder("*").append(m.name()).append("* ").append(describe(s))
                    .append(" · n ").append(s.n())
                    .append(" · likely ").append(likely(s))
                    .append(" · ").append(change(s, MetricScore.from(r.previous().get(m)), noun));
            Sparkline spark = new Sparkline(r.daily().get(m));
            if (spark.hasValues() && r.daily().get(m).size() > 1) {
                line.append("\n`").append(spark.draw()).append("` daily, low ").append(Format.one(spark.low()))
                        .append(", high ").append(Format.one(spark.high()));
            }
            lines.add(line.toString());
        }
        return String.join("\n", lines);
    }

    static String describe(MetricScore s) {
        if (s instanceof CsatScore c) return Format.one(c.score()) + "% satisfied";
        if (s instanceof CesScore c) return "mean " + Format.one(c.mean()) + " of 7, " + Format.one(c.easyShare()) + "% easy";
        NpsScore n = (NpsScore) s;
        return (n.score() > 0 ? "+" : "") + Format.one(n.score());
    }

    private static String headline(MetricScore s) {
        Double v = DigestReportQuery.headline(s);
        return s instanceof CsatScore ? Format.one(v) + "%" : Format.one(v);
    }

    static String ci(MetricScore s) {
        if (s instanceof CsatScore c) return Format.interval(c.ci95(), "%");
        if (s instanceof CesScore c) return Format.interval(c.ci95(), "");
        return Format.interval(((NpsScore) s).ci95(), "");
    }

    /** ▲/▼ with the difference in points (CSAT %, NPS) or on the 1–7 scale (CES mean). */
    static String change(MetricScore now, MetricScore before, String noun) {
        if (before.n() == 0) return "no answers the previous " + noun;
        double diff = DigestReportQuery.headline(now) - DigestReportQuery.headline(before);
        String unit = now instanceof CesScore ? "" : " pts";
        String amount = Format.one(Math.abs(diff));
        if (amount.equals("0.0")) return "no change vs previous " + noun;
        return (diff > 0 ? "▲ " : "▼ ") + amount + unit + " vs previous " + noun;
    }

    private static String operations(PeriodSummary cur) {
        StringBuilder sb = new StringBuilder();
        sb.append("*Response rate* ");
        if (cur.surveysSent() == 0) {
            sb.append("no surveys sent in this period");
        } else {
            sb.append(Format.percent(cur.responseRate().rate())).append(" (").append(cur.surveysAnswered())
                    .append(" answered of ").append(cur.surveysSent()).append(" surveys sent)");
        }
        sb.append("\n*FCR* ");
        PeriodSummary.Fcr fcr = cur.fcr();
        if (fcr.n() == 0) {
            sb.append("no solved tickets recorded");
        } else {
            sb.append(Format.percent(fcr.rate())).append(" of ").append(fcr.n()).append(" solved tickets resolved on first contact");
        }
        sb.append("\n*Handle time* ");
        PeriodSummary.HandleTime ht = cur.handleTime();
        if (ht.n() == 0) {
            sb.append("not tracked");
        } else {
            sb.append("mean ").append(Format.seconds(ht.meanSeconds())).append(", median ")
                    .append(Format.seconds(ht.medianSeconds())).append(" (n ").append(ht.n());
            if (!ht.sources().isEmpty()) {
                sb.append("; source: ").append(ht.sources().stream().map(Format::words).map(Mrkdwn::escape)
                        .collect(Collectors.joining(", ")));
            }
            sb.append(")");
        }
        return sb.toString();
    }

    /** "7 low scores, 6 followed up, median 38 min to claim, 1 past the SLA"; nothing when there were none. */
    static String followUps(FollowUpSummary f) {
        if (f.n() == 0) return "";
        StringBuilder sb = new StringBuilder("\n*Follow-ups* ").append(f.n()).append(f.n() == 1 ? " low score, " : " low scores, ")
                .append(f.followedUp()).append(" followed up");
        if (f.medianMinutesToClaim() != null) {
            sb.append(", median ").append(Math.round(f.medianMinutesToClaim())).append(" min to claim");
        }
        sb.append(", ").append(f.pastSla()).append(" past the SLA");
        return sb.toString();
    }

    private static String bySource(PeriodSummary split) {
        StringBuilder sb = new StringBuilder("*By helpdesk*");
        split.groups().stream().sorted(Comparator.comparing(PeriodSummary.Group::key)).forEach(g -> {
            List<String> parts = new ArrayList<>();
            for (Metric m : Metric.values()) {
                MetricScore s = g.summary().score(m);
                if (s.n() > 0) parts.add(m.name() + " " + headline(s) + " (n " + s.n() + ")");
            }
            if (parts.isEmpty()) parts.add("no answers");
            parts.add("response rate " + Format.percent(g.summary().responseRate().rate()));
            sb.append("\n• ").append(Mrkdwn.escape(Format.source(g.key()))).append(": ").append(String.join(" · ", parts));
        });
        return sb.toString();
    }

    private static long channelsWithAnswers(PeriodSummary split) {
        return split.groups().stream().filter(g -> g.summary().hasAnswers()).count();
    }

    /** Scores per touchpoint, shown when more than one channel has answers. */
    private static String byChannel(PeriodSummary split) {
        StringBuilder sb = new StringBuilder("*By channel*");
        split.groups().stream().sorted(Comparator.comparing(PeriodSummary.Group::key)).forEach(g -> {
            List<String> parts = new ArrayList<>();
            for (Metric m : Metric.values()) {
                MetricScore s = g.summary().score(m);
                if (s.n() > 0) parts.add(m.name() + " " + headline(s) + " (n " + s.n() + ")");
            }
            if (parts.isEmpty()) parts.add("no answers");
            parts.add("response rate " + Format.percent(g.summary().responseRate().rate()));
            sb.append("\n• ").append(Mrkdwn.escape(g.key())).append(": ").append(String.join(" · ", parts));
        });
        return sb.toString();
    }

    /** One line per running experiment: each arm's response rate and the verdict so far. */
    static String experimentLine(ExperimentResult e) {
        List<String> arms = new ArrayList<>();
        for (fi.palaute.common.experiment.ArmResult a : e.arms()) {
            arms.add(Mrkdwn.escape(a.arm().id()) + " " + Format.percent(a.responseRate()) + " answered of " + a.sent());
        }
        return "*Experiment " + Mrkdwn.escape(e.experiment().id()) + "* (running since "
                + e.experiment().start().toString().substring(0, 10) + "): " + String.join(" vs ", arms) + ". "
                + Mrkdwn.escape(e.verdict());
    }

    private static String lowest(DigestReport r) {
        StringBuilder sb = new StringBuilder("*Lowest answers*");
        if (r.lowest().isEmpty()) sb.append("\nNo low answers (CSAT ≤ 3, CES ≤ 4, NPS ≤ 6) in this period.");
        for (AnswerView a : r.lowest()) {
            sb.append("\n• *").append(a.metric().name()).append(' ').append(a.score()).append('/').append(a.metric().max())
                    .append("* · ").append(Mrkdwn.escape(Format.source(a.source()))).append(' ')
                    .append(Mrkdwn.link(a.ticketUrl(), "#" + a.ticketId()))
                    .append(" · ").append(Mrkdwn.escape(a.agent() == null ? "no agent" : a.agent()));
            if (a.group() != null) sb.append(" (").append(Mrkdwn.escape(a.group())).append(')');
            sb.append(" · ").append(Format.when(a.answeredAt(), r.period().zone()));
            sb.append("\n> ").append(comment(a.comment()));
        }
        return sb.toString();
    }

    /** A comment as one quoted line: escaped, line breaks flattened, cut to fit. */
    static String comment(String comment) {
        if (comment == null || comment.isBlank()) return "_no comment_";
        return Mrkdwn.escape(comment.strip().replaceAll("\\s*\\R\\s*", " / "), COMMENT_MAX);
    }

    /**
     * Agents or groups by the period's main metric. The order is by "at least": the low end of the 95%
     * interval of the good share (Wilson lower bound), which the footer explains once.
     */
    private static String ranking(PeriodSummary ranked, String title, String noun, int minN) {
        Metric metric = ranked.primaryMetric();
        StringBuilder sb = new StringBuilder("*").append(title).append(" by ").append(metric.name()).append("* (")
                .append(minN).append(" answers or more)");
        List<String> unranked = new ArrayList<>();
        int shown = 0;
        for (PeriodSummary.Group g : ranked.groups()) {
            MetricScore s = g.rank().score();
            if (!g.rank().ranked()) {
                if (s.n() > 0) unranked.add(Mrkdwn.escape(g.key()) + " (" + s.n() + ")");
                continue;
            }
            if (shown++ >= RANKED_MAX) continue;
            sb.append("\n").append(g.rank().rank()).append(". ").append(Mrkdwn.escape(g.key())).append(" — ")
                    .append(headline(s)).append(" (n ").append(s.n()).append(", at least ")
                    .append(Format.one(g.rank().goodShareLowerBound())).append("% ").append(goodWord(metric)).append(")");
        }
        if (shown == 0) sb.append("\n_No ").append(noun).append(" has ").append(minN).append(" answers yet._");
        if (shown > RANKED_MAX) sb.append("\n…and ").append(shown - RANKED_MAX).append(" more");
        if (!unranked.isEmpty()) {
            sb.append("\n_Fewer than ").append(minN).append(" answers: ").append(String.join(", ", unranked)).append("_");
        }
        return sb.toString();
    }

    /** Groups are worth a section when answers carry them; "(none)" alone means the helpdesk has none. */
    private static boolean hasNamedGroups(PeriodSummary byGroup) {
        return byGroup != null && byGroup.groups().stream()
                .anyMatch(g -> !g.key().equals("(none)") && g.summary().hasAnswers());
    }

    private static String goodWord(Metric m) {
        return switch (m) {
            case CSAT -> "satisfied";
            case CES -> "easy";
            case NPS -> "promoters";
        };
    }

    /** The 95% interval as a support lead reads it: "21–94%" after "likely"; the footer says what it is. */
    static String likely(MetricScore s) {
        Interval ci = s instanceof CsatScore c ? c.ci95() : s instanceof CesScore c ? c.ci95() : ((NpsScore) s).ci95();
        String unit = s instanceof CsatScore ? "%" : "";
        return ci == null ? "n/a" : Format.one(ci.low()) + "–" + Format.one(ci.high()) + unit;
    }

    /** Notes said once for the whole digest rather than on every line they apply to, one per line. */
    private static Block footer(DigestReport r) {
        List<String> notes = new ArrayList<>();
        boolean scored = java.util.Arrays.stream(Metric.values()).anyMatch(m -> r.current().score(m).n() > 0);
        if (scored) {
            notes.add("\"likely\" is the 95% interval: the range the score plausibly lies in with this many answers. "
                    + "Agents and groups are ranked by \"at least\", the low end of that interval of their share "
                    + goodWord(r.ranked().primaryMetric()) + " (Wilson lower bound), so a few lucky answers do not "
                    + "outrank many good ones.");
        }
        java.util.Collection<String> definitions = r.current().fcr().definitions();
        if (r.current().fcr().n() > 0 && !definitions.isEmpty()) {
            notes.add("How FCR (first contact resolution) was counted: "
                    + definitions.stream().map(DigestComposer::definition).collect(Collectors.joining("; ")) + ".");
        }
        List<String> last = new ArrayList<>();
        if (r.current().suspectedBotAnswers() > 0) {
            long bots = r.current().suspectedBotAnswers();
            last.add(bots + " suspected bot answer" + (bots == 1 ? "" : "s") + " left out");
        }
        last.add("times in " + r.period().zone().getId());
        last.add("Palaute");
        notes.add(String.join(" · ", last));
        return new Block.Context(List.of(String.join("\n", notes)));
    }

    /** A bare id reads as words; a definition in words is kept, its field names set as code so no underscore is lost. */
    static String definition(String recorded) {
        if (recorded.matches("[a-z0-9_]+")) return Mrkdwn.escape(Format.words(recorded));
        return FIELD_NAME.matcher(Mrkdwn.escape(recorded).replace("`", "'")).replaceAll("`$0`");
    }

    /** A helpdesk field such as {@code stats.reopened_at}: a word with an underscore in it. */
    private static final java.util.regex.Pattern FIELD_NAME =
            java.util.regex.Pattern.compile("(?<![\\w.])[A-Za-z][A-Za-z0-9.]*_[A-Za-z0-9._]*[A-Za-z0-9](?![\\w])");
}
