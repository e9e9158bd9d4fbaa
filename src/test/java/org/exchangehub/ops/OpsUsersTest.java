package org.exchangehub.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.exchangehub.config.ConfigException;
import org.junit.jupiter.api.Test;

class OpsUsersTest {

    private static final OpsProperties.User DEMO = new OpsProperties.User("demo", new Secret("{noop}demo"),
            List.of("operator"));

    private static OpsProperties properties(List<OpsProperties.User> users) {
        return new OpsProperties(users, DEMO, null, null, 1000);
    }

    @Test
    void withoutUsersOutsideTheDemoStartUpFailsSayingWhatToSet() {
        OpsUsers users = OpsUsers.from(properties(List.of()), false);
        assertThatThrownBy(() -> users.requireSome("the console")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("hub.ops.users").hasMessageContaining("no default password")
                .hasMessageContaining("Fix:");
    }

    @Test
    void theDemoUserExistsOnlyWhileTheDemoRuns() {
        assertThat(OpsUsers.from(properties(List.of()), true).authenticate("demo", "demo")).isPresent();
        assertThat(OpsUsers.from(properties(List.of()), false).authenticate("demo", "demo")).isEmpty();
    }

    @Test
    void aPasswordWithoutItsEncodingSchemeIsRefusedWithoutShowingIt() {
        OpsProperties p = properties(List.of(new OpsProperties.User("ops", new Secret("plain-secret"),
                List.of("operator"))));
        assertThatThrownBy(() -> OpsUsers.from(p, false)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("hub.ops.users[0].password").hasMessageContaining("{bcrypt}")
                .message().doesNotContain("plain-secret");
    }

    @Test
    void anUnknownRoleIsRefused() {
        OpsProperties p = properties(List.of(new OpsProperties.User("ops", new Secret("{noop}x"), List.of("root"))));
        assertThatThrownBy(() -> OpsUsers.from(p, false)).hasMessageContaining("hub.ops.users[0].roles")
                .hasMessageContaining("root");
    }

    @Test
    void theUnmaskRoleAloneIsRefusedSayingToAddViewerOrOperator() {
        OpsProperties p = properties(List.of(new OpsProperties.User("clerk", new Secret("{noop}x"), List.of("unmask"))));
        assertThatThrownBy(() -> OpsUsers.from(p, false)).hasMessageContaining("hub.ops.users[0].roles")
                .hasMessageContaining("viewer or operator as well");
    }

    @Test
    void bcryptPasswordsAreCheckedAndTheRolesReturned() {
        String hash = "{bcrypt}" + new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder().encode("s3cret");
        OpsUsers users = OpsUsers.from(properties(List.of(new OpsProperties.User("ops", new Secret(hash),
                List.of("Viewer")))), false);
        assertThat(users.authenticate("ops", "s3cret")).contains(List.of("viewer"));
        assertThat(users.authenticate("ops", "wrong")).isEmpty();
        assertThat(users.authenticate("nobody", "s3cret")).isEmpty();
    }

    @Test
    void aSecretNeverPrintsItself() {
        assertThat(new Secret("s3cret").toString()).doesNotContain("s3cret");
        assertThat(Map.of("p", new Secret("s3cret")).toString()).doesNotContain("s3cret");
    }
}
