package org.exchangehub.config;

/**
 * A configuration problem that stops start-up (or fails {@code validate}): it names the file, the key,
 * the offending value, what is wrong and how to fix it, so the message alone is enough to act on.
 */
public final class ConfigException extends RuntimeException {

    private final String file;
    private final String key;
    private final String value;
    private final String problem;
    private final String fix;

    public ConfigException(String file, String key, String value, String problem, String fix) {
        super(format(file, key, value, problem, fix));
        this.file = file;
        this.key = key;
        this.value = value;
        this.problem = problem;
        this.fix = fix;
    }

    private static String format(String file, String key, String value, String problem, String fix) {
        StringBuilder sb = new StringBuilder();
        sb.append(file == null ? "(no file)" : file);
        if (key != null) {
            sb.append(": ").append(key);
        }
        if (value != null) {
            sb.append(" = '").append(value).append('\'');
        }
        sb.append(": ").append(problem);
        if (fix != null) {
            sb.append(". Fix: ").append(fix);
        }
        return sb.toString();
    }

    public String file() {
        return file;
    }

    public String key() {
        return key;
    }

    public String value() {
        return value;
    }

    public String problem() {
        return problem;
    }

    public String fix() {
        return fix;
    }
}
