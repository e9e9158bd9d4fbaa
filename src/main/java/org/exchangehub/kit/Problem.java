package org.exchangehub.kit;

import org.exchangehub.config.ConfigException;

/**
 * One problem {@code validate} found: where (file and line), which key, what is wrong and the fix, printed as one
 * line {@code file:line: key: problem. Fix: fix} so that editors and CI logs can jump to it.
 *
 * @param line 1-based, or 0 when the problem concerns the whole file
 */
public record Problem(String file, int line, String key, String value, String problem, String fix) {

    static Problem of(ConfigException e, int line) {
        return new Problem(e.file(), line, e.key(), e.value(), e.problem(), e.fix());
    }

    /** The one-line form. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file == null ? "(no file)" : file);
        sb.append(':').append(Math.max(line, 1)).append(": ");
        sb.append(key == null ? "(file)" : key);
        if (value != null) {
            sb.append(" = '").append(value).append('\'');
        }
        sb.append(": ").append(problem);
        if (fix != null) {
            sb.append(". Fix: ").append(fix);
        }
        return sb.toString();
    }
}
