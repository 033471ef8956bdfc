package fi.palaute.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Request bodies as Slack sends them (docs.slack.dev, "block_actions payload", "View interaction payloads",
 * "app_home_opened event"), with the fields Palaute reads and the usual others around them.
 */
final class SlackPayloads {
    static final String TEAM = "T0TEAM";
    static final String ALERT_TS = "1503435956.000247";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SlackPayloads() {}

    static String blockAction(String actionId, long followUpId, String userId, String userName) {
        ObjectNode p = JSON.createObjectNode().put("type", "block_actions");
        p.putObject("user").put("id", userId).put("username", userName).put("name", userName).put("team_id", TEAM);
        p.put("api_app_id", "A0PALAUTE").put("token", "legacy-verification-token");
        p.putObject("container").put("type", "message").put("message_ts", ALERT_TS).put("channel_id", "C0ALERT")
                .put("is_ephemeral", false);
        p.put("trigger_id", "13345224609.738474920.8088930838d88f008e0");
        p.putObject("team").put("id", TEAM).put("domain", "acme");
        p.put("enterprise", (String) null).put("is_enterprise_install", false);
        p.putObject("channel").put("id", "C0ALERT").put("name", "cx-alerts");
        p.putObject("message").put("type", "message").put("ts", ALERT_TS).put("text", "Low CSAT 1/5");
        p.putObject("state").putObject("values");
        p.put("response_url", "https://hooks.slack.com/actions/T0TEAM/1/abc");
        ObjectNode a = p.putArray("actions").addObject();
        a.put("action_id", actionId).put("block_id", "followup:" + followUpId + ":open");
        a.putObject("text").put("type", "plain_text").put("text", "I'll follow up").put("emoji", true);
        a.put("value", Long.toString(followUpId)).put("type", "button").put("action_ts", "1548426417.840180");
        return p.toString();
    }

    static String outcomeSubmission(long followUpId, String userId, String userName, String outcome, String reached) {
        ObjectNode p = JSON.createObjectNode().put("type", "view_submission");
        p.putObject("team").put("id", TEAM).put("domain", "acme");
        p.putObject("user").put("id", userId).put("username", userName).put("name", userName).put("team_id", TEAM);
        p.put("api_app_id", "A0PALAUTE").put("token", "legacy-verification-token")
                .put("trigger_id", "12345.98765.abcd2358fdea");
        ObjectNode view = p.putObject("view").put("id", "V0MODAL").put("team_id", TEAM).put("type", "modal")
                .put("callback_id", OutcomeModal.CALLBACK_ID).put("private_metadata", Long.toString(followUpId))
                .put("hash", "156663117.cd33ad1f");
        ObjectNode values = view.putObject("state").putObject("values");
        values.putObject("outcome").putObject("outcome_text").put("type", "plain_text_input").put("value", outcome);
        ObjectNode choice = values.putObject("reached").putObject("reached_choice").put("type", "radio_buttons");
        if (reached == null) {
            choice.putNull("selected_option");
        } else {
            ObjectNode o = choice.putObject("selected_option").put("value", reached);
            o.putObject("text").put("type", "plain_text").put("text", reached.equals("yes") ? "Yes" : "No");
        }
        p.putArray("response_urls");
        return p.toString();
    }

    static String appHomeOpened(String userId) {
        ObjectNode p = JSON.createObjectNode().put("token", "legacy-verification-token").put("team_id", TEAM)
                .put("api_app_id", "A0PALAUTE");
        ObjectNode e = p.putObject("event").put("type", "app_home_opened").put("user", userId)
                .put("channel", "D0HOME").put("tab", "home").put("event_ts", "1515449522000016");
        e.putObject("view").put("id", "V0HOME").put("type", "home");
        p.put("type", "event_callback").put("event_id", "Ev0HOME" + userId).put("event_time", 1515449522);
        return p.toString();
    }

    static String urlVerification(String challenge) {
        return JSON.createObjectNode().put("token", "legacy-verification-token").put("challenge", challenge)
                .put("type", "url_verification").toString();
    }
}
