package fi.palaute.common.crash;

/** What one request got: an HTTP status and body, or no answer at all (status 0: refused, reset, timed out). */
public record Answer(int status, String body) {
    public static Answer none(String why) {
        return new Answer(0, why);
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public boolean answered() {
        return status != 0;
    }
}
