package org.exchangehub.source.file;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.PollingConsumer;
import org.apache.camel.component.file.GenericFileEndpoint;
import org.apache.camel.component.file.GenericFileProcessStrategyFactory;
import org.apache.camel.component.file.remote.FtpEndpoint;
import org.apache.camel.component.file.remote.FtpsEndpoint;
import org.apache.camel.component.file.remote.RemoteFileEndpoint;
import org.apache.camel.component.file.remote.SftpConfiguration;
import org.apache.camel.component.file.remote.strategy.FtpProcessStrategyFactory;
import org.apache.camel.component.file.remote.strategy.SftpProcessStrategyFactory;
import org.apache.camel.component.file.strategy.FileProcessStrategyFactory;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.apache.camel.support.UnitOfWorkHelper;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.URISupport;

/**
 * A feed's drop folder as Camel's own consumer endpoint ({@code file:}, {@code ftp:}, {@code ftps:},
 * {@code sftp:}), polled one file at a time through its {@link PollingConsumer} during the feed's run: Camel lists,
 * checks the done marker ({@code doneFileName}), the include and temporary patterns ({@code antInclude},
 * {@code antExclude}) and the read lock, sorts by name, downloads to {@code localWorkDirectory}, reconnects, and
 * skips what {@link DeliveredFiles} (its {@code idempotentRepository}) knows. Any other camel-ftp or camel-file
 * option given on the {@code file-drop} URI is passed to the endpoint as it is.
 */
final class CamelDrop implements AutoCloseable {

    /** Options the source sets itself from its own, named so that a clash says which option to use instead. */
    static final Map<String, String> OWN = ownOptions();

    private final FileDropEndpoint source;
    private final Readiness readiness;
    private final DeliveredFiles delivered;
    private GenericFileEndpoint<Object> endpoint;
    private PollingConsumer consumer;

    CamelDrop(FileDropEndpoint source, Readiness readiness, DeliveredFiles delivered) {
        this.source = source;
        this.readiness = readiness;
        this.delivered = delivered;
    }

    private static Map<String, String> ownOptions() {
        String afterRead = "afterRead, doneDirectory and errorDirectory";
        Map<String, String> own = new HashMap<>(Map.of("doneFileName", "readyWhen=doneMarker with doneMarker",
                "readLock", "readyWhen", "antInclude", "include", "antExclude", "temporaryNames",
                "localWorkDirectory", "workDirectory", "username", "username", "password", "password"));
        for (String o : List.of("noop", "idempotent", "idempotentEager", "idempotentKey", "idempotentRepository",
                "processStrategy", "filter", "move", "moveFailed", "delete", "preMove")) {
            own.put(o, afterRead);
        }
        return Map.copyOf(own);
    }

    /** The next ready file, or null when the folder has none left this run. */
    Exchange next() throws Exception {
        if (consumer == null) {
            open();
        }
        try {
            return consumer.receiveNoWait();
        } catch (org.apache.camel.component.file.GenericFileOperationFailedException e) {
            if (e.getCode() == FTP_NOT_LOGGED_IN || isSftpAuthFailure(e)) {
                // said plainly, as the operator needs it: which server refused which user (never the password)
                throw new java.io.IOException(describe() + ": login refused for user " + source.getUsername()
                        + " (" + (e.getReason() != null ? e.getReason().trim() : e.getMessage()) + ")", e);
            }
            throw e;
        }
    }

    /** FTP's reply 530, "Not logged in": the server refused the user or the password. */
    private static final int FTP_NOT_LOGGED_IN = 530;

    private static boolean isSftpAuthFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof com.jcraft.jsch.JSchException && t.getMessage() != null
                    && t.getMessage().startsWith("Auth ")) {
                return true; // JSch's "Auth fail" / "Auth cancel"
            }
        }
        return false;
    }

    /** Completes the file's exchange: Camel's commit (or, with an exception on it, rollback) runs now. */
    void done(Exchange exchange) {
        // the handed-over completions hold Camel's GenericFileOnCompletion: its commit or rollback runs now
        UnitOfWorkHelper.doneSynchronizations(exchange, exchange.getExchangeExtension().handoverCompletions());
    }

    /** The file's key in {@link DeliveredFiles}, as Camel's {@code idempotentKey} makes it. */
    String key(Exchange exchange) {
        return endpoint.getIdempotentKey().evaluate(exchange, String.class);
    }

    /** Where this is, for logs and reports: never with credentials. */
    String describe() {
        Protocol p = source.protocol();
        return p == Protocol.FILE ? source.getDirectory()
                : p.scheme() + "://" + source.getHost() + ":" + port(p) + source.getDirectory();
    }

    @SuppressWarnings("unchecked")
    private void open() throws Exception {
        CamelContext camel = source.getCamelContext();
        Protocol p = source.protocol();
        Map<String, Object> options = new LinkedHashMap<>();
        String base;
        if (p == Protocol.FILE) {
            base = "file:" + source.getDirectory();
        } else {
            String dir = source.getDirectory().replaceFirst("^/+", "");
            // camel-ftp takes FTP folders from the login folder (it strips a leading '/'); sftp's '//' is absolute
            base = p.scheme() + "://" + source.getHost() + ":" + port(p) + (p == Protocol.SFTP ? "//" : "/") + dir;
            long timeout = source.timeoutDuration().toMillis();
            options.put("connectTimeout", timeout);
            options.put("timeout", timeout);
            options.put("soTimeout", timeout);
            options.put("binary", true);
            options.put("throwExceptionOnConnectFailed", true);
            options.put("localWorkDirectory", source.feedWorkDirectory(delivered.feedId()).toString());
            if (p == Protocol.SFTP) {
                options.put("strictHostKeyChecking", "yes");
                options.put("useUserKnownHostsFile", false);
                options.put("filenameEncoding", source.getFileNameEncoding());
            } else {
                options.put("passiveMode", true);
                options.put("ftpClient.controlEncoding", source.getFileNameEncoding());
            }
            if (p == Protocol.FTPS) {
                options.put("implicit", source.isFtpsImplicit());
                options.put("execProt", "P");
                options.put("execPbsz", 0);
            }
        }
        if (source.getInclude() != null && !source.getInclude().isBlank() && !"*".equals(source.getInclude().trim())) {
            options.put("antInclude", source.getInclude().replace(" ", ""));
        }
        options.put("antExclude", source.getTemporaryNames().replace(" ", ""));
        if (readiness.usesMarker()) {
            options.put("doneFileName", readiness.doneFileName());
        }
        options.put("sortBy", "file:name");
        options.put("eagerMaxMessagesPerPoll", false);
        options.put("noop", true);
        options.put("idempotent", true);
        options.put("idempotentEager", false);
        options.put("idempotentKey", DeliveredFiles.KEY);
        options.putAll(source.camelOptions());
        endpoint = (GenericFileEndpoint<Object>) camel.getComponent(p.scheme())
                .createEndpoint(base + "?" + URISupport.createQueryString(options));
        if (endpoint instanceof RemoteFileEndpoint<?> remote) { // credentials never in an endpoint URI
            remote.getConfiguration().setUsername(source.getUsername());
            remote.getConfiguration().setPassword(source.getPassword());
            if (remote.getConfiguration() instanceof SftpConfiguration sftp) {
                PinnedHostKey.Entry key = PinnedHostKey.resolve(source.getHost(), port(p),
                        source.getHostKeyFingerprint(), (int) source.timeoutDuration().toMillis());
                sftp.setKnownHosts(key.knownHosts());
                sftp.setServerHostKeys(key.type());
                if (source.getPrivateKeyFile() != null && !source.getPrivateKeyFile().isBlank()) {
                    sftp.setPrivateKeyFile(source.getPrivateKeyFile());
                }
            }
        }
        if ((Object) endpoint instanceof FtpEndpoint<?> ftp) {
            ftp.getFtpClientParameters().put("parserFactory", new PlainNameListing());
        }
        if ((Object) endpoint instanceof FtpsEndpoint ftps) {
            // always: without an SSLContext of its own, Commons Net's FTPS client only checks a certificate's dates
            ftps.setSslContextParameters(trust(camel));
        }
        endpoint.setIdempotentRepository(delivered);
        endpoint.setFilter((org.apache.camel.component.file.GenericFileFilter<Object>) (Object) readiness);
        endpoint.setProcessStrategy(new DropStrategy<>(camelStrategy(camel, p), source.afterReadAction(),
                source.getDoneDirectory(), source.getErrorDirectory(), readiness));
        ServiceHelper.startService(delivered, endpoint);
        // the endpoint itself, not one resolved again from its URI (which would lose the objects set on it)
        consumer = endpoint.createPollingConsumer();
        ServiceHelper.startService(consumer);
    }

    /** Camel's own strategy for the read lock the rule asks for; moves and deletes are {@link DropStrategy}'s. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private org.apache.camel.component.file.GenericFileProcessStrategy<Object> camelStrategy(CamelContext camel,
            Protocol p) {
        Map<String, Object> params = new HashMap<>();
        params.put("noop", "true");
        params.put("readLockLoggingLevel", LoggingLevel.DEBUG);
        switch (source.readyRule()) {
            case STABLE -> {
                params.put("readLock", "changed");
                params.put("readLockMinAge", source.minAgeDuration().toMillis());
                params.put("readLockCheckInterval", 1000L);
                params.put("readLockTimeout", 10_000L);
            }
            case RENAME -> params.put("readLock", "rename");
            case DONE_MARKER -> params.put("readLock", "none");
        }
        for (String o : Set.of("readLockTimeout", "readLockCheckInterval", "readLockMinLength", "readLockMinAge")) {
            Object v = source.camelOptions().get(o);
            if (v != null) {
                params.put(o, Long.valueOf(v.toString().trim()));
            }
        }
        GenericFileProcessStrategyFactory factory = switch (p) {
            case FILE -> new FileProcessStrategyFactory();
            case FTP, FTPS -> new FtpProcessStrategyFactory();
            case SFTP -> new SftpProcessStrategyFactory();
        };
        return factory.createGenericFileProcessStrategy(camel, params);
    }

    /** The configured trust store, or (none configured) the JVM's trusted CAs. */
    private SSLContextParameters trust(CamelContext camel) {
        SSLContextParameters ssl = new SSLContextParameters();
        ssl.setCamelContext(camel);
        if (source.getTrustStore() == null || source.getTrustStore().isBlank()) {
            return ssl;
        }
        KeyStoreParameters store = new KeyStoreParameters();
        store.setCamelContext(camel);
        store.setResource("file:" + source.getTrustStore());
        store.setType("PKCS12");
        if (source.getTrustStorePassword() != null) {
            store.setPassword(source.getTrustStorePassword());
        }
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(store);
        ssl.setTrustManagers(trust);
        return ssl;
    }

    private int port(Protocol p) {
        if (source.getPort() > 0) {
            return source.getPort();
        }
        return switch (p) {
            case SFTP -> 22;
            case FTPS -> source.isFtpsImplicit() ? 990 : 21;
            default -> 21;
        };
    }

    @Override
    public void close() {
        if (consumer != null) {
            ServiceHelper.stopService(consumer, endpoint);
            consumer = null;
            endpoint = null;
        }
    }
}
