package fi.palaute.common.http;

/** Handles one request; a small function, as in Javalin. */
@FunctionalInterface
public interface Handler {
    Response handle(Request request) throws Exception;
}
