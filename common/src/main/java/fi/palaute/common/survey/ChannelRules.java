package fi.palaute.common.survey;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which survey each channel (touchpoint) gets and in which form: PALAUTE_SURVEY_BY_CHANNEL
 * ({@code chat=ces,voice=none,*=csat}) and PALAUTE_TEXT_CHANNELS. A channel without a rule gets the
 * {@code *} rule, or PALAUTE_SURVEY when there is none; {@code none} means no survey on that channel.
 */
public final class ChannelRules {
    /** The survey id that means "do not survey this channel". */
    public static final String NONE = "none";
    /** The rule for every channel not named, and for tickets whose channel is unknown. */
    public static final String ANY = "*";
    public static final String DEFAULT_TEXT_CHANNELS =
            "native_messaging,chat,sms,whatsapp,facebook,twitter,instagram_dm,line,telegram,viber,wechat";

    private static final Pattern CHANNEL = Pattern.compile("[a-z0-9_]{1,64}|\\*");
    private static final Pattern SURVEY = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    private final Map<String, String> surveyByChannel;
    private final Set<String> textChannels;

    private ChannelRules(Map<String, String> surveyByChannel, Set<String> textChannels) {
        this.surveyByChannel = Map.copyOf(surveyByChannel);
        this.textChannels = Set.copyOf(textChannels);
    }

    /** Every channel gets the default survey, in HTML except the default text channels. */
    public static ChannelRules defaults(String defaultSurvey) {
        return parse("", DEFAULT_TEXT_CHANNELS, defaultSurvey);
    }

    /**
     * @param surveyByChannel PALAUTE_SURVEY_BY_CHANNEL, e.g. {@code chat=ces,voice=none,*=csat}; blank for none
     * @param textChannels    PALAUTE_TEXT_CHANNELS, comma-separated channel names, or {@code none}
     * @param defaultSurvey   PALAUTE_SURVEY, the survey of channels without a rule when there is no {@code *}
     * @throws IllegalArgumentException saying what is wrong with which entry (the caller names the setting)
     */
    public static ChannelRules parse(String surveyByChannel, String textChannels, String defaultSurvey) {
        Map<String, String> rules = new LinkedHashMap<>();
        for (String entry : (surveyByChannel == null ? "" : surveyByChannel).split(",")) {
            String e = entry.strip();
            if (e.isEmpty()) continue;
            int eq = e.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("entry \"" + e + "\" must be channel=survey (e.g. chat=ces, voice=none)");
            }
            String channel = e.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String survey = e.substring(eq + 1).strip().toLowerCase(Locale.ROOT);
            if (!CHANNEL.matcher(channel).matches()) {
                throw new IllegalArgumentException("channel \"" + channel + "\" must be a channel name such as chat, "
                        + "voice, native_messaging, or * for all others");
            }
            if (!SURVEY.matcher(survey).matches()) {
                throw new IllegalArgumentException("survey for " + channel + " must be a template id or none");
            }
            if (rules.put(channel, survey) != null) {
                throw new IllegalArgumentException("channel " + channel + " is given twice");
            }
        }
        rules.putIfAbsent(ANY, defaultSurvey.toLowerCase(Locale.ROOT));
        Set<String> text = new TreeSet<>();
        String textList = textChannels == null || textChannels.strip().equalsIgnoreCase(NONE) ? "" : textChannels;
        for (String name : textList.split(",")) {
            String channel = name.strip().toLowerCase(Locale.ROOT);
            if (channel.isEmpty()) continue;
            if (!CHANNEL.matcher(channel).matches() || channel.equals(ANY)) {
                throw new IllegalArgumentException("\"" + channel + "\" is not a channel name such as chat or native_messaging");
            }
            text.add(channel);
        }
        return new ChannelRules(rules, text);
    }

    /** The survey for a ticket of this channel (null: unknown), or empty when the channel is not surveyed. */
    public Optional<String> surveyFor(String channel) {
        String survey = channel == null ? null : surveyByChannel.get(channel.toLowerCase(Locale.ROOT));
        if (survey == null) survey = surveyByChannel.get(ANY);
        return survey.equals(NONE) ? Optional.empty() : Optional.of(survey);
    }

    /** The form a ticket of this channel gets its survey in. */
    public SurveyFormat formatFor(String channel) {
        return channel != null && textChannels.contains(channel.toLowerCase(Locale.ROOT))
                ? SurveyFormat.TEXT : SurveyFormat.HTML;
    }

    /** Every survey id a rule names (not {@code none}), to check against the templates at start-up. */
    public Set<String> surveyIds() {
        Set<String> ids = new TreeSet<>(surveyByChannel.values());
        ids.remove(NONE);
        return ids;
    }
}
