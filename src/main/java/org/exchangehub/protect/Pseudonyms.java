package org.exchangehub.protect;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * HMAC-SM3 pseudonyms (BouncyCastle) under the platform's pseudonym key: lower-case hex of the MAC of the
 * normalized value, the same for the same value in every dataset, so that datasets join on it without revealing it.
 */
final class Pseudonyms {

    /** Hex characters of a pseudonym (SM3 gives 32 bytes). */
    static final int LENGTH = 64;
    static final int MIN_KEY_BYTES = 16;

    private final byte[] key;

    Pseudonyms(byte[] key) {
        if (key.length < MIN_KEY_BYTES) {
            throw new ProtectionException("a pseudonym key has at least " + MIN_KEY_BYTES + " bytes, this one "
                    + key.length);
        }
        this.key = key.clone();
    }

    /**
     * The pseudonym of a value: trimmed, and upper-cased for identity numbers so that a trailing x and X are one
     * citizen.
     */
    String of(String value, boolean idNumber) {
        String normalized = idNumber ? value.trim().toUpperCase(Locale.ROOT) : value.trim();
        HMac mac = new HMac(new SM3Digest()); // cheap to make; not safe to share between delivery threads
        mac.init(new KeyParameter(key));
        byte[] in = normalized.getBytes(StandardCharsets.UTF_8);
        mac.update(in, 0, in.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    @Override
    public String toString() {
        return "Pseudonyms[HMAC-SM3]";
    }
}
