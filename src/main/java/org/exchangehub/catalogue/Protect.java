package org.exchangehub.catalogue;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a sensitive field is written to the sinks ({@code protect:} in the catalogue): in clear, SM4-encrypted, or
 * replaced by its HMAC-SM3 pseudonym. Only sensitive fields may say anything but {@link #CLEAR}.
 */
public enum Protect {

    /** Written as it is (the default). */
    CLEAR,
    /** SM4/GCM under the active key, as a self-describing text token; the decrypt command gives it back. */
    ENCRYPT,
    /** HMAC-SM3 of the normalized value under the platform's pseudonym key: deterministic, so datasets join on it. */
    PSEUDONYM;

    /** The name in the catalogue, e.g. {@code encrypt}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The protection of that catalogue name, or null. */
    public static Protect of(String configName) {
        for (Protect p : values()) {
            if (p.configName().equals(configName)) {
                return p;
            }
        }
        return null;
    }

    /** The catalogue names, for messages. */
    public static String names() {
        return Arrays.stream(values()).map(Protect::configName).collect(Collectors.joining(", "));
    }
}
