package org.exchangehub.sink.lake;

import java.util.Locale;

import org.exchangehub.config.ConfigException;

/** Parses the lake's enumerated options (case-insensitive), failing with the option, the value and a fix. */
final class LakeEnums {

    private LakeEnums() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, String where, String key, String value, String problem,
            String fix) {
        if (value != null) {
            String upper = value.trim().toUpperCase(Locale.ROOT);
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(upper)) {
                    return e;
                }
            }
        }
        throw new ConfigException(where, key, value, problem, fix);
    }
}
