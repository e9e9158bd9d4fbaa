package org.exchangehub.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.exchangehub.mapping.Rejection;

/** SHA-256 digests the state store keeps instead of values that can be personal data (business keys, raw records). */
public final class Digests {

    private Digests() {
    }

    /** The digest of a business key. */
    public static String key(String businessKey) {
        return sha256(businessKey);
    }

    /** The digest of a reject: its source key and raw form, which say it is the same record read again. */
    public static String reject(Rejection rejection) {
        return sha256(rejection.sourceKey() + '\u0000' + rejection.rawForm());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((text == null ? "" : text).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
