package org.exchangehub.source.file;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPFile;
import org.apache.commons.net.ftp.FTPReply;
import org.apache.commons.net.ftp.FTPSClient;

/**
 * A drop folder on an FTP or FTPS server, through Apache Commons Net: passive mode, binary transfers, the
 * session's working folder set to the drop folder so that every name stays relative to it.
 */
final class FtpFolder implements DropFolder {

    private final FTPClient client;
    private final String where;

    private FtpFolder(FTPClient client, String where) {
        this.client = client;
        this.where = where;
    }

    static FtpFolder connect(FileDropEndpoint e) throws IOException {
        boolean secure = e.protocol() == Protocol.FTPS;
        FTPClient client = secure ? new FTPSClient("TLS", e.isFtpsImplicit()) : new FTPClient();
        if (client instanceof FTPSClient ftps && e.trustManager() != null) {
            ftps.setTrustManager(e.trustManager());
        }
        Duration timeout = e.timeoutDuration();
        client.setControlEncoding(e.getFileNameEncoding());
        client.setConnectTimeout((int) timeout.toMillis());
        client.setDefaultTimeout((int) timeout.toMillis());
        client.setDataTimeout(timeout);
        int port = e.getPort() > 0 ? e.getPort() : secure && e.isFtpsImplicit() ? 990 : 21;
        String where = e.protocol().scheme() + "://" + e.getHost() + ":" + port + "/" + e.getDirectory();
        try {
            client.connect(e.getHost(), port);
            if (!FTPReply.isPositiveCompletion(client.getReplyCode())) {
                throw new IOException(where + ": server refused the connection: " + client.getReplyString().trim());
            }
            client.setSoTimeout((int) timeout.toMillis());
            if (!client.login(e.getUsername(), e.getPassword() == null ? "" : e.getPassword())) {
                throw new IOException(where + ": login refused for user " + e.getUsername());
            }
            if (client instanceof FTPSClient ftps) {
                ftps.execPBSZ(0);
                ftps.execPROT("P"); // encrypt the data connections too, not only the control connection
            }
            client.enterLocalPassiveMode();
            client.setFileType(FTP.BINARY_FILE_TYPE);
            if (!client.changeWorkingDirectory(e.getDirectory())) {
                throw new IOException(where + ": no such folder on the server");
            }
            return new FtpFolder(client, where);
        } catch (IOException | RuntimeException ex) {
            disconnect(client);
            throw ex;
        }
    }

    @Override
    public List<DropEntry> list() throws IOException {
        FTPFile[] files = client.listFiles();
        if (files == null) {
            throw failure("cannot list the folder");
        }
        List<DropEntry> entries = new ArrayList<>(files.length);
        for (FTPFile f : files) {
            if (f != null && f.isFile()) {
                entries.add(new DropEntry(f.getName(), f.getSize(),
                        f.getTimestamp() == null ? null : f.getTimestamp().toInstant()));
            }
        }
        return entries;
    }

    @Override
    public InputStream open(String name) throws IOException {
        InputStream in = client.retrieveFileStream(DropFolder.checked(name));
        if (in == null) {
            throw failure("cannot read " + name);
        }
        return new FilterInputStream(in) {
            @Override
            public void close() throws IOException {
                super.close();
                if (!client.completePendingCommand()) {
                    throw failure("transfer of " + name + " did not complete");
                }
            }
        };
    }

    @Override
    public void moveTo(String name, String subFolder, String suffix) throws IOException {
        DropFolder.checked(name);
        ensureFolder(subFolder);
        if (!client.rename(name, subFolder + "/" + name) && !client.rename(name, subFolder + "/" + name + "." + suffix)) {
            throw failure("cannot move " + name + " to " + subFolder);
        }
    }

    @Override
    public void delete(String name) throws IOException {
        if (!client.deleteFile(DropFolder.checked(name))) {
            throw failure("cannot delete " + name);
        }
    }

    @Override
    public void write(String subFolder, String name, byte[] content) throws IOException {
        ensureFolder(subFolder);
        if (!client.storeFile(subFolder + "/" + DropFolder.checked(name), new ByteArrayInputStream(content))) {
            throw failure("cannot write " + subFolder + "/" + name);
        }
    }

    private void ensureFolder(String subFolder) throws IOException {
        String current = client.printWorkingDirectory();
        if (client.changeWorkingDirectory(subFolder)) {
            client.changeWorkingDirectory(current);
            return;
        }
        if (!client.makeDirectory(subFolder)) {
            throw failure("cannot create folder " + subFolder);
        }
    }

    private IOException failure(String what) {
        return new IOException(where + ": " + what + " (" + client.getReplyString().trim() + ")");
    }

    @Override
    public String describe() {
        return where;
    }

    @Override
    public void close() {
        try {
            client.logout();
        } catch (IOException ignored) {
            // the connection is going away anyway
        }
        disconnect(client);
    }

    private static void disconnect(FTPClient client) {
        if (client.isConnected()) {
            try {
                client.disconnect();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }
}
