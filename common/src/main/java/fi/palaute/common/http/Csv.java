package fi.palaute.common.http;

/**
 * One CSV field (RFC 4180), safe to open in a spreadsheet: a value starting with =, +, -, @, tab or
 * carriage return is prefixed with an apostrophe so it is shown, not run as a formula.
 */
public final class Csv {
    private Csv() {}

    public static String field(String value) {
        if (value == null) return "";
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) v = "'" + v;
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") || !v.equals(value)) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
