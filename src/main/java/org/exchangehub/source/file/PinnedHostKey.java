package org.exchangehub.source.file;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.UserInfo;

/**
 * Turns a pinned SFTP host key fingerprint ({@code SHA256:...}, as {@code ssh-keygen -lf} prints it) into the
 * known-hosts entry Camel's sftp component checks strictly ({@code knownHosts}, {@code strictHostKeyChecking=yes}).
 * JSch (camel-ftp's own SSH library) is used directly here because Camel can pin a server only by a whole
 * public key, not by a fingerprint: the key the server presents is taken during key exchange, without logging
 * in, and kept only if its fingerprint is the pinned one. A server presenting another key is refused.
 */
final class PinnedHostKey {

    /** The known-hosts line and the key's type (for Camel's {@code serverHostKeys}). */
    record Entry(byte[] knownHosts, String type) { }

    private PinnedHostKey() {
    }

    static Entry resolve(String host, int port, String fingerprint, int timeoutMillis) throws JSchException {
        // base64 fingerprints hold '+', which an unencoded endpoint URI turns into a space; a fingerprint has none
        String pinned = fingerprint.trim().replace(' ', '+');
        HostKey[] seen = new HostKey[1];
        Session session = new JSch().getSession("host-key", host, port);
        session.setHostKeyRepository(new Recorder(seen));
        session.setConfig("StrictHostKeyChecking", "yes");
        try {
            session.connect(timeoutMillis);
        } catch (JSchException expected) {
            // the recorder rejects every key, so the session ends right after key exchange
        } finally {
            session.disconnect();
        }
        if (seen[0] == null) {
            throw new JSchException("sftp " + host + ":" + port + " did not present a host key");
        }
        byte[] blob = Base64.getDecoder().decode(seen[0].getKey());
        String actual = "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(sha256(blob));
        if (!actual.equals(pinned.endsWith("=") ? pinned.replaceAll("=+$", "") : pinned)) {
            throw new JSchException("sftp " + host + ":" + port + " presented host key " + actual
                    + ", not the pinned hostKeyFingerprint " + pinned + "; refused");
        }
        String name = port == 22 ? host : "[" + host + "]:" + port;
        String line = name + " " + seen[0].getType() + " " + seen[0].getKey() + "\n";
        return new Entry(line.getBytes(StandardCharsets.US_ASCII), seen[0].getType());
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Records the presented key and trusts none. */
    private record Recorder(HostKey[] seen) implements HostKeyRepository {
        @Override
        public int check(String host, byte[] key) {
            try {
                seen[0] = new HostKey(host, key);
            } catch (JSchException e) {
                seen[0] = null;
            }
            return NOT_INCLUDED;
        }

        @Override public void add(HostKey hostkey, UserInfo ui) { }
        @Override public void remove(String host, String type) { }
        @Override public void remove(String host, String type, byte[] key) { }
        @Override public String getKnownHostsRepositoryID() { return "pinned"; }
        @Override public HostKey[] getHostKey() { return new HostKey[0]; }
        @Override public HostKey[] getHostKey(String host, String type) { return new HostKey[0]; }
    }
}
