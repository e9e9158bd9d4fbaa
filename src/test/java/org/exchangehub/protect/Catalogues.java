package org.exchangehub.protect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.exchangehub.catalogue.Catalogue;
import org.exchangehub.catalogue.CatalogueLoader;
import org.exchangehub.config.Secret;

/**
 * The project's catalogue copied to a folder with {@code protect:} set on some fields, and keys for it in a
 * stand-in environment: what the protection tests start from.
 */
final class Catalogues {

    static final byte[] SM4_1 = bytes(16, 1);
    static final byte[] SM4_2 = bytes(16, 2);
    static final byte[] PSEUDONYM = bytes(32, 3);

    private Catalogues() {
    }

    /**
     * Copies {@code config/catalogue} to {@code dir}, adding {@code protect: <mode>} to each field named
     * {@code dataset.field} in {@code protect}.
     */
    static Path copy(Path dir, Map<String, String> protect) {
        try {
            Files.createDirectories(dir);
            try (var files = Files.list(Path.of("config/catalogue"))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                    Files.copy(f, dir.resolve(f.getFileName()));
                }
            }
            for (Map.Entry<String, String> e : protect.entrySet()) {
                String[] at = e.getKey().split("\\.");
                Path file = dir.resolve(at[0] + ".yaml");
                String yaml = Files.readString(file, StandardCharsets.UTF_8);
                Matcher m = Pattern.compile("\n  " + at[1] + ":\n").matcher(yaml);
                if (!m.find()) {
                    throw new IllegalArgumentException("no field " + e.getKey());
                }
                yaml = yaml.substring(0, m.end()) + "    protect: " + e.getValue() + "\n" + yaml.substring(m.end());
                Files.writeString(file, yaml, StandardCharsets.UTF_8);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Catalogue load(Path dir) {
        return CatalogueLoader.load(dir);
    }

    /** The environment holding SM4 keys sm4-1 and sm4-2 and the pseudonym key. */
    static Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("HUB_PROTECTION_KEY_SM4_1", Base64.getEncoder().encodeToString(SM4_1));
        env.put("HUB_PROTECTION_KEY_SM4_2", Base64.getEncoder().encodeToString(SM4_2));
        env.put("HUB_PROTECTION_KEY_PSEUDONYM", Base64.getEncoder().encodeToString(PSEUDONYM));
        return env;
    }

    /** Keys from {@link #environment()}, new values under {@code activeKey}. */
    static ProtectionKeys keys(String activeKey) {
        return keys(activeKey, environment());
    }

    static ProtectionKeys keys(String activeKey, Map<String, String> env) {
        return new ProtectionKeys(new ProtectionProperties(null, Secret.NONE, activeKey, "pseudonym"), env::get);
    }

    /** The protection of the catalogue in {@code dir}. */
    static FieldProtection protection(Path dir, String activeKey) {
        return FieldProtection.of(load(dir), dir, keys(activeKey));
    }

    private static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (seed * 31 + i * 7);
        }
        return b;
    }
}
