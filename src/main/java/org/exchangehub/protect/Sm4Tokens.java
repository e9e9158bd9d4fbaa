package org.exchangehub.protect;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Function;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * SM4/GCM tokens, through JCA with the BouncyCastle provider: {@code sm4gcm:v1:<keyId>:<base64(iv|ciphertext|tag)>}
 * with a random 12-byte IV per value and a 128-bit tag. The associated data is {@code <dataset>.<field>}, so a
 * token copied into another column does not decrypt either.
 */
final class Sm4Tokens {

    static final String PREFIX = "sm4gcm:v1:";
    static final int KEY_BYTES = 16;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Provider BC = new BouncyCastleProvider();

    private final SecureRandom random = new SecureRandom();

    /** Whether the text is an SM4 token (rather than a clear value or a pseudonym). */
    static boolean isToken(String text) {
        return text != null && text.startsWith(PREFIX);
    }

    /** Encrypts the clear text under the key of that id. */
    String encrypt(String keyId, byte[] key, String field, String clear) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, iv, field);
            byte[] sealed = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
            return PREFIX + keyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new ProtectionException("SM4/GCM encryption of " + field + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * The clear text of a token.
     *
     * @param keys the key of a key id, or null when there is none
     * @throws ProtectionException when the token is malformed, its key is unknown, or it was modified (or belongs to
     *                             another field): the message names the field and key id, never a value
     */
    static String decrypt(String token, String field, Function<String, byte[]> keys) {
        if (!isToken(token)) {
            throw new ProtectionException(field + ": not an SM4 token (it does not start with " + PREFIX + ")");
        }
        String rest = token.substring(PREFIX.length());
        int colon = rest.indexOf(':');
        if (colon <= 0) {
            throw new ProtectionException(field + ": malformed SM4 token (no key id)");
        }
        String keyId = rest.substring(0, colon);
        byte[] key = keys.apply(keyId);
        if (key == null) {
            throw new ProtectionException(field + ": the token is under key '" + keyId + "', which is not configured");
        }
        byte[] in;
        try {
            in = Base64.getDecoder().decode(rest.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new ProtectionException(field + ": malformed SM4 token under key '" + keyId + "' (not base64)");
        }
        if (in.length < IV_BYTES + TAG_BITS / 8) {
            throw new ProtectionException(field + ": malformed SM4 token under key '" + keyId + "' (too short)");
        }
        try {
            byte[] iv = java.util.Arrays.copyOf(in, IV_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, iv, field);
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new ProtectionException(field + ": the SM4 token under key '" + keyId + "' fails authentication:"
                    + " it was modified, belongs to another field, or the key '" + keyId + "' is not the one it was"
                    + " written with", e);
        } catch (GeneralSecurityException e) {
            throw new ProtectionException(field + ": SM4/GCM decryption under key '" + keyId + "' failed: "
                    + e.getClass().getSimpleName(), e);
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] iv, String field) throws GeneralSecurityException {
        if (key.length != KEY_BYTES) {
            throw new ProtectionException("an SM4 key has " + KEY_BYTES + " bytes, this one " + key.length);
        }
        Cipher cipher = Cipher.getInstance("SM4/GCM/NoPadding", BC);
        cipher.init(mode, new SecretKeySpec(key, "SM4"), new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(field.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
