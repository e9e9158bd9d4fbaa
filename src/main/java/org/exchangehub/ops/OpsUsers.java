package org.exchangehub.ops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.exchangehub.config.ConfigException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The operations users from configuration, checked at start-up, and the one place that checks a password
 * (console, exchange log and remote JMX alike). The demo user counts only while the demo runs.
 */
public final class OpsUsers {

    /** May use the console and Jolokia, run, pause, rewind and replay feeds. */
    public static final String OPERATOR = "operator";
    /** May read: exchange log, metrics, JMX attributes. */
    public static final String VIEWER = "viewer";
    /**
     * May read rejects' personal values in clear (each time written to the audit trail); given only together with
     * operator or viewer.
     */
    public static final String UNMASK = "unmask";

    static final String FILE = "application.yml";
    private static final Set<String> ROLES = Set.of(OPERATOR, VIEWER, UNMASK);
    private static final Pattern ENCODED = Pattern.compile("\\{[a-z0-9@-]+}.+");

    private final Map<String, OpsProperties.User> users;
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    private OpsUsers(Map<String, OpsProperties.User> users) {
        this.users = users;
    }

    /** Checks and collects the configured users (plus the demo user when the demo is on). */
    public static OpsUsers from(OpsProperties properties, boolean demo) {
        List<OpsProperties.User> all = new ArrayList<>(properties.users());
        if (demo && properties.demoUser() != null) {
            all.add(properties.demoUser());
        }
        Map<String, OpsProperties.User> byName = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            OpsProperties.User user = all.get(i);
            String key = i < properties.users().size() ? "hub.ops.users[" + i + "]" : "hub.ops.demo-user";
            check(user, key);
            if (byName.put(user.name(), user) != null) {
                throw new ConfigException(FILE, key + ".name", user.name(), "the user is given twice",
                        "give each operations user once");
            }
        }
        return new OpsUsers(byName);
    }

    private static void check(OpsProperties.User user, String key) {
        if (user.name() == null || user.name().isBlank()) {
            throw new ConfigException(FILE, key + ".name", user.name(), "an operations user needs a name",
                    "set a login name");
        }
        if (user.password() == null || user.password().isBlank() || !ENCODED.matcher(user.password().reveal()).matches()) {
            throw new ConfigException(FILE, key + ".password", null,
                    "the password must be in encoded form with its scheme, e.g. {bcrypt}$2a$10$...",
                    "encode it (e.g. htpasswd -nbBC 10 '' 'secret' | cut -c2-, then prefix {bcrypt}); {noop}text is"
                            + " for tests only");
        }
        if (user.roles().isEmpty()) {
            throw new ConfigException(FILE, key + ".roles", null, "the user has no role",
                    "give it operator and/or viewer");
        }
        for (String role : user.roles()) {
            if (!ROLES.contains(role.toLowerCase(Locale.ROOT))) {
                throw new ConfigException(FILE, key + ".roles", role, "unknown role",
                        "use operator or viewer, and unmask besides for who may read rejects in clear");
            }
        }
        if (user.roles().stream().allMatch(r -> r.equalsIgnoreCase(UNMASK))) {
            throw new ConfigException(FILE, key + ".roles", String.join(",", user.roles()),
                    "unmask alone lets the user in nowhere", "give it viewer or operator as well");
        }
    }

    public boolean isEmpty() {
        return users.isEmpty();
    }

    public List<OpsProperties.User> all() {
        return List.copyOf(users.values());
    }

    /** Stops start-up when nobody could log in to what {@code what} protects. */
    public OpsUsers requireSome(String what) {
        if (users.isEmpty()) {
            throw new ConfigException(FILE, "hub.ops.users", null, "no operations users are configured, so " + what
                    + " would have no one allowed in (there is no default password outside the demo)",
                    "set hub.ops.users[0].name, .password ({bcrypt}...) and .roles (operator or viewer)");
        }
        return this;
    }

    /** The user's roles (lower case) when the password matches, else empty. */
    public Optional<List<String>> authenticate(String name, String password) {
        OpsProperties.User user = name == null ? null : users.get(name);
        if (user == null || password == null || !encoder.matches(password, user.password().reveal())) {
            return Optional.empty();
        }
        return Optional.of(user.roles().stream().map(r -> r.toLowerCase(Locale.ROOT)).toList());
    }
}
