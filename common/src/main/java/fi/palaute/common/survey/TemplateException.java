package fi.palaute.common.survey;

/**
 * A survey template that cannot be used: malformed file, unknown id. The message is
 * written for the person who edits the template files, naming the file and field,
 * because the service shows it as its start-up failure.
 */
public class TemplateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TemplateException(String message) {
        super(message);
    }

    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
