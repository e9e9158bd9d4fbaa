package org.exchangehub.kit;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises, in a failure of a kit command, that a source needs credentials it lacks: a setting a route or a data
 * source refers to ({@code {{education.ftp.password}}}, {@code ${TAX_DB_PASSWORD}}) that nobody gave, or a source
 * that refused the credentials it got (a database's SQLSTATE 28, an FTP login, an SFTP authentication, HTTP 401).
 * The answer names the setting and how to give it, so that an engineer trying a feed sees one line, not a trace.
 */
final class Credentials {

    /** Spring's unresolved {@code ${NAME}}. */
    private static final Pattern SPRING = Pattern.compile("Could not resolve placeholder '([^']+)'");
    /** Camel's unresolved {@code {{name}}}. */
    private static final Pattern CAMEL = Pattern.compile("Property with key \\[([^\\]]+)\\] not found");

    /** What is missing, as one line. */
    record Missing(String message) {
    }

    private Credentials() {
    }

    static Optional<Missing> missing(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String text = t.getMessage() == null ? "" : t.getMessage();
            Matcher m = SPRING.matcher(text);
            if (!m.find()) {
                m = CAMEL.matcher(text);
            }
            if (m.find(0)) {
                String setting = m.group(1).startsWith("env:") ? m.group(1).substring(4) : m.group(1);
                return Optional.of(new Missing("the configuration needs the setting " + setting
                        + ", which is not set. Fix: give it in the environment (" + envName(setting)
                        + ") or as --" + setting + "=..., never in a route file"));
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("28")) {
                return Optional.of(refused("the database refused the login (SQLSTATE " + sql.getSQLState() + ")",
                        "hub.datasources.<name>.username and password"));
            }
            if (text.contains("401 Unauthorized") || text.contains("login refused for user")
                    || text.contains("No more authentication methods available")) {
                return Optional.of(refused(text, "the username/password (or token) parameters of the route"));
            }
        }
        return Optional.empty();
    }

    private static Missing refused(String what, String settings) {
        return new Missing("the source refused the credentials: " + what + ". Fix: check " + settings
                + " (given as placeholders, from the environment)");
    }

    /** The environment variable Spring reads for a setting: {@code education.ftp.password} → EDUCATION_FTP_PASSWORD. */
    static String envName(String setting) {
        return setting.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
