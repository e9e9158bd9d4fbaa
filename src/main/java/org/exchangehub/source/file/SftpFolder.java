package org.exchangehub.source.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

/**
 * A drop folder on an SFTP server, through Apache MINA SSHD's client. The server's host key must match the
 * pinned fingerprint ({@code hostKeyFingerprint}); there is no "accept any host key" mode.
 */
final class SftpFolder implements DropFolder {

    private final SshClient ssh;
    private final ClientSession session;
    private final SftpClient sftp;
    private final String dir;
    private final String where;

    private SftpFolder(SshClient ssh, ClientSession session, SftpClient sftp, String dir, String where) {
        this.ssh = ssh;
        this.session = session;
        this.sftp = sftp;
        this.dir = dir;
        this.where = where;
    }

    static SftpFolder connect(FileDropEndpoint e) throws IOException {
        int port = e.getPort() > 0 ? e.getPort() : 22;
        String dir = e.getDirectory().endsWith("/") && e.getDirectory().length() > 1
                ? e.getDirectory().substring(0, e.getDirectory().length() - 1) : e.getDirectory();
        String where = "sftp://" + e.getHost() + ":" + port + "/" + dir;
        // base64 fingerprints hold '+', which an unencoded endpoint URI turns into a space; a fingerprint has none
        String pinned = e.getHostKeyFingerprint().trim().replace(' ', '+');
        Duration timeout = e.timeoutDuration();
        SshClient ssh = SshClient.setUpDefaultClient();
        ssh.setServerKeyVerifier((session, address, key) -> matches(pinned, key));
        ssh.start();
        ClientSession session = null;
        try {
            session = ssh.connect(e.getUsername(), e.getHost(), port).verify(timeout).getSession();
            if (e.getPrivateKeyFile() != null && !e.getPrivateKeyFile().isBlank()) {
                for (KeyPair key : new FileKeyPairProvider(Path.of(e.getPrivateKeyFile())).loadKeys(session)) {
                    session.addPublicKeyIdentity(key);
                }
            }
            if (e.getPassword() != null && !e.getPassword().isEmpty()) {
                session.addPasswordIdentity(e.getPassword());
            }
            session.auth().verify(timeout);
            SftpClient sftp = SftpClientFactory.instance().createSftpClient(session);
            if (!sftp.stat(dir).isDirectory()) {
                throw new IOException(where + ": not a folder");
            }
            return new SftpFolder(ssh, session, sftp, dir, where);
        } catch (IOException | RuntimeException ex) {
            if (session != null) {
                session.close(true);
            }
            ssh.stop();
            throw new IOException(where + ": " + ex.getMessage(), ex);
        }
    }

    private static boolean matches(String pinned, PublicKey key) {
        String actual = KeyUtils.getFingerPrint(key);
        return actual != null && (actual.equals(pinned) || actual.equals("SHA256:" + pinned));
    }

    private String path(String name) {
        return (dir.endsWith("/") ? dir : dir + "/") + DropFolder.checked(name);
    }

    private String path(String subFolder, String name) {
        return (dir.endsWith("/") ? dir : dir + "/") + subFolder + "/" + name;
    }

    @Override
    public List<DropEntry> list() throws IOException {
        List<DropEntry> entries = new ArrayList<>();
        for (SftpClient.DirEntry d : sftp.readDir(dir)) {
            SftpClient.Attributes a = d.getAttributes();
            if (a.isRegularFile()) {
                entries.add(new DropEntry(d.getFilename(), a.getSize(),
                        a.getModifyTime() == null ? null : a.getModifyTime().toInstant()));
            }
        }
        return entries;
    }

    @Override
    public InputStream open(String name) throws IOException {
        return sftp.read(path(name));
    }

    @Override
    public void moveTo(String name, String subFolder, String suffix) throws IOException {
        ensureFolder(subFolder);
        String target = path(subFolder, name);
        if (exists(target)) {
            target = target + "." + suffix;
        }
        sftp.rename(path(name), target);
    }

    @Override
    public void delete(String name) throws IOException {
        sftp.remove(path(name));
    }

    @Override
    public void write(String subFolder, String name, byte[] content) throws IOException {
        ensureFolder(subFolder);
        try (OutputStream out = sftp.write(path(subFolder, DropFolder.checked(name)))) {
            out.write(content);
        }
    }

    private void ensureFolder(String subFolder) throws IOException {
        String p = path(subFolder, "").replaceAll("/$", "");
        if (!exists(p)) {
            sftp.mkdir(p);
        }
    }

    private boolean exists(String p) throws IOException {
        try {
            sftp.stat(p);
            return true;
        } catch (SftpException ex) {
            if (ex.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE) {
                return false;
            }
            throw ex;
        }
    }

    @Override
    public String describe() {
        return where;
    }

    @Override
    public void close() throws IOException {
        try {
            sftp.close();
        } finally {
            session.close(true);
            ssh.stop();
        }
    }
}
