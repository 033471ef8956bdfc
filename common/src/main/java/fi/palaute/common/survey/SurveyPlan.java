package fi.palaute.common.survey;

import fi.palaute.common.experiment.Arm;
import fi.palaute.common.experiment.Experiment;
import fi.palaute.common.experiment.Experiments;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Which survey a solved ticket gets, in which form and when: the channel's survey
 * (PALAUTE_SURVEY_BY_CHANNEL) and form (PALAUTE_TEXT_CHANNELS), replaced by the requester's arm while an
 * experiment runs (PALAUTE_EXPERIMENTS), whose send delay then replaces PALAUTE_SEND_DELAY. A channel
 * with survey {@code none} stays out of experiments: it gets no survey at all.
 */
public record SurveyPlan(ChannelRules channels, Experiments experiments, Duration sendDelay) {

    public static SurveyPlan defaults(String survey) {
        return new SurveyPlan(ChannelRules.defaults(survey), Experiments.NONE, Duration.ZERO);
    }

    /**
     * What the plan says for one ticket.
     *
     * @param survey     the template id, empty when the channel is not surveyed
     * @param format     HTML or the plain-text form
     * @param experiment the experiment the requester takes part in, with {@code arm}
     * @param dueAt      when the survey may go out: the solve plus the send delay that applies
     */
    public record Choice(Optional<String> survey, SurveyFormat format, Optional<Experiment> experiment,
                         Optional<Arm> arm, Instant dueAt) {}

    /**
     * @param source   the helpdesk, part of the requester's identity for arm assignment
     * @param ticket   the ticket as read when the survey job runs
     * @param solvedAt when the solve was received (the time the send delay counts from)
     */
    public Choice choose(String source, TicketSnapshot ticket, Instant solvedAt) {
        Optional<String> survey = channels.surveyFor(ticket.channel());
        SurveyFormat format = channels.formatFor(ticket.channel());
        Requester requester = ticket.requester();
        Optional<Experiment> experiment = survey.isEmpty() || requester == null || requester.id() == null
                ? Optional.empty() : experiments.runningAt(solvedAt);
        if (experiment.isEmpty()) return new Choice(survey, format, Optional.empty(), Optional.empty(), solvedAt.plus(sendDelay));
        Arm arm = experiment.get().armFor(source + ":" + requester.id());
        return new Choice(Optional.of(arm.survey()), format, experiment, Optional.of(arm),
                solvedAt.plus(arm.sendDelay().orElse(sendDelay)));
    }

    /** The survey recorded on a suppressed row of a channel that gets none: the default survey. */
    public String defaultSurvey() {
        return channels.surveyFor(null).orElse(channels.surveyIds().stream().findFirst().orElse("csat"));
    }
}
