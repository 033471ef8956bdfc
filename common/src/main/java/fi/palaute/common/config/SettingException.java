package fi.palaute.common.config;

/** A setting is missing or invalid. The message is one line naming the setting; it never contains the value. */
public final class SettingException extends RuntimeException {
    private final String setting;

    public SettingException(String setting, String problem) {
        super(setting + ": " + problem);
        this.setting = setting;
    }

    public String setting() { return setting; }
}
