package org.exchangehub.kit;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.function.Function;

import org.exchangehub.protect.FieldProtection;
import org.exchangehub.protect.LakeDecryption;
import org.exchangehub.state.StateStore;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code decrypt <lake parquet file> [--out FILE.jsonl|-] [--reason TEXT]}: a lake file in clear JSON lines for an
 * authorized operator (who holds the hub's keys), recorded in the audit trail with the OS user, the file and the
 * reason. A file is written under a temporary name and renamed when complete, so that a token that fails to
 * decrypt leaves no half-clear file behind.
 */
final class DecryptCommand {

    private static final String USAGE = "usage: decrypt <lake parquet file> [--out FILE.jsonl|-] [--reason TEXT]";

    private DecryptCommand() {
    }

    static int run(String[] args, Function<Kit.HubStart, ConfigurableApplicationContext> hub, PrintStream out,
            PrintStream err) {
        Options o = Options.parse(args, 1, Set.of("out", "reason"));
        if (o.words.size() != 1) {
            throw new IllegalArgumentException(USAGE);
        }
        Path file = Path.of(o.words.get(0));
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no lake file " + file.toAbsolutePath() + "; " + USAGE);
        }
        String target = o.get("out", file.getFileName().toString().replaceFirst("\\.parquet$", "") + ".jsonl");
        String reason = o.get("reason", "(no reason given)");
        String principal = "kit:" + System.getProperty("user.name");
        try (ConfigurableApplicationContext context = Kit.startQuiet(hub, o.passOn)) {
            LakeDecryption decryption = new LakeDecryption(context.getBean(FieldProtection.class),
                    context.getBean(StateStore.class));
            LakeDecryption.Result result;
            if (target.equals("-")) {
                OutputStream stdout = new BufferedOutputStream(out);
                result = decryption.decrypt(file, stdout, principal, reason);
                stdout.flush();
            } else {
                result = toFile(decryption, file, Path.of(target), principal, reason);
            }
            (target.equals("-") ? err : out).println("decrypt: " + result.rows() + " row"
                    + (result.rows() == 1 ? "" : "s") + " of " + file + ", " + result.decrypted() + " value"
                    + (result.decrypted() == 1 ? "" : "s") + " decrypted" + (target.equals("-") ? "" : ", written to "
                    + target) + " (IN CLEAR, recorded in the audit trail)");
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decrypt " + file + " to " + target + ": " + e.getMessage(), e);
        }
    }

    private static LakeDecryption.Result toFile(LakeDecryption decryption, Path file, Path target, String principal,
            String reason) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path partial = Files.createTempFile(dir, "." + target.getFileName(), ".partial");
        try {
            LakeDecryption.Result result;
            try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(partial))) {
                result = decryption.decrypt(file, stream, principal, reason);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return result;
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
