package io.jenkins.plugins.mlcicd.jenkins.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import hudson.model.Item;
import hudson.security.Permission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PromotionAuthorityTest {
    private static final String WHAT = "move alias 'champion' of fraud-model";

    /** A user or authentication holding some permissions; records what was asked. */
    private static final class FakeSubject implements PromotionAuthority.Subject {
        private final String id;
        private final String displayName;
        private final Set<Permission> granted;
        final List<Permission> asked = new ArrayList<>();

        FakeSubject(String id, String displayName, Permission... granted) {
            this.id = id;
            this.displayName = displayName;
            this.granted = Set.of(granted);
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String displayName() {
            return displayName;
        }

        @Override
        public boolean may(Permission permission) {
            asked.add(permission);
            return granted.contains(permission);
        }
    }

    /** A build started by {@code starter} (or by no user: null), running with {@code authentication}. */
    private static PromotionAuthority.Identities build(FakeSubject starter, FakeSubject authentication) {
        return new PromotionAuthority.Identities() {
            @Override
            public String startedBy() {
                return starter == null ? null : starter.id();
            }

            @Override
            public PromotionAuthority.Subject user(String id) {
                assertThat(id).isEqualTo(starter.id());
                return starter;
            }

            @Override
            public PromotionAuthority.Subject buildAuthentication() {
                if (authentication == null) {
                    throw new AssertionError("the build's authentication must not be asked when a user started the build");
                }
                return authentication;
            }
        };
    }

    private static Promoter decide(PromotionAuthority.Identities identities) throws AbortException {
        return PromotionAuthority.decide("mlPromote", WHAT, "team/fraud", identities);
    }

    @Test
    void aUserWhoStartedTheBuildIsCheckedForBuildAndPromoteOnTheJobAndRecorded() throws AbortException {
        FakeSubject alice = new FakeSubject("alice", "Alice Smith", Item.BUILD, RegistryPermissions.PROMOTE);

        Promoter who = decide(build(alice, null));

        assertThat(who).isEqualTo(new Promoter("alice", "Alice Smith", true));
        assertThat(alice.asked).containsExactly(Item.BUILD, RegistryPermissions.PROMOTE);
        assertThat(who.actor("team » fraud #7")).isEqualTo("jenkins:alice (Alice Smith, team » fraud #7)");
    }

    @Test
    void theStartingUserIsCheckedEvenWhenTheBuildRunsAsSystem() {
        FakeSubject bob = new FakeSubject("bob", "Bob", Item.BUILD);
        FakeSubject system = new FakeSubject("SYSTEM", null, Item.BUILD, RegistryPermissions.PROMOTE);

        assertThatThrownBy(() -> decide(build(bob, system)))
                .isInstanceOf(AbortException.class)
                .hasMessage("mlPromote: user 'bob' (who started the build) may not move alias 'champion' of fraud-model: "
                        + "missing the permission ML CI/CD/Promote on 'team/fraud'; nothing moved");
        assertThat(system.asked).isEmpty();
    }

    @Test
    void promoteWithoutBuildIsNotEnough() {
        FakeSubject carol = new FakeSubject("carol", "Carol", RegistryPermissions.PROMOTE);
        assertThatThrownBy(() -> decide(build(carol, null)))
                .hasMessageContaining("user 'carol' (who started the build)")
                .hasMessageContaining("missing the permission Job/Build on 'team/fraud'");
    }

    @Test
    void withoutAStartingUserTheBuildsAuthenticationIsChecked() throws AbortException {
        FakeSubject system = new FakeSubject("SYSTEM", null, Item.BUILD, RegistryPermissions.PROMOTE);

        Promoter who = decide(build(null, system));

        assertThat(who).isEqualTo(new Promoter("SYSTEM", null, false));
        assertThat(system.asked).containsExactly(Item.BUILD, RegistryPermissions.PROMOTE);
        assertThat(who.actor("fraud #8")).isEqualTo("jenkins:SYSTEM (fraud #8)");
    }

    @Test
    void anAuthorizeProjectUserWithoutPermissionsIsRefusedNamingBoth() {
        FakeSubject bot = new FakeSubject("deploy-bot", "Deploy Bot");
        assertThatThrownBy(() -> decide(build(null, bot)))
                .isInstanceOf(AbortException.class)
                .hasMessage("mlPromote: user 'deploy-bot' (the build's authentication) may not move alias 'champion' of fraud-model: "
                        + "missing the permission Job/Build and ML CI/CD/Promote on 'team/fraud'; nothing moved");
    }

    @Test
    void anUnknownStartingUserIsARefusalNotAFallback() {
        PromotionAuthority.Identities gone = new PromotionAuthority.Identities() {
            @Override
            public String startedBy() {
                return "dave";
            }

            @Override
            public PromotionAuthority.Subject user(String id) throws AbortException {
                throw new AbortException("mlPromote: user 'dave', who started the build, no longer exists in Jenkins; nothing moved");
            }

            @Override
            public PromotionAuthority.Subject buildAuthentication() {
                throw new AssertionError("must not fall back to the build's authentication");
            }
        };
        assertThatThrownBy(() -> decide(gone)).isInstanceOf(AbortException.class).hasMessageContaining("user 'dave'");
    }

    @Test
    void theActorLeavesOutAFullNameThatIsTheId() {
        assertThat(new Promoter("alice", "alice", true).actor("b #1")).isEqualTo("jenkins:alice (b #1)");
        assertThat(new Promoter("alice", " ", true).actor("b #1")).isEqualTo("jenkins:alice (b #1)");
        assertThat(new Promoter("alice", null, false).describe()).isEqualTo("user 'alice' (the build's authentication)");
    }

    @Test
    void thePermissionIsTheModelsOwnImpliedByAdministerOnly() {
        Permission promote = RegistryPermissions.PROMOTE;
        assertThat(promote.name).isEqualTo("Promote");
        assertThat(promote.group).isSameAs(RegistryPermissions.GROUP);
        assertThat(promote.owner).isEqualTo(RegistryPermissions.class);
        assertThat(promote.impliedBy).as("not implied by Item.CONFIGURE: configuring a job is not promoting a model")
                .isSameAs(jenkins.model.Jenkins.ADMINISTER);
        assertThat(PromotionAuthority.required()).extracting(PromotionAuthority.Required::permission)
                .containsExactly(Item.BUILD, RegistryPermissions.PROMOTE);
    }

    @Test
    void thePermissionTextsAreInTheBundleTheLocalizerReads() throws Exception {
        // org.jvnet.localizer reads <SimpleName>.properties next to the class
        var properties = new java.util.Properties();
        try (var in = RegistryPermissions.class.getResourceAsStream("RegistryPermissions.properties")) {
            assertThat(in).as("RegistryPermissions.properties").isNotNull();
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        assertThat(properties.getProperty("group")).isEqualTo("ML CI/CD");
        assertThat(properties.getProperty("promote")).contains("Job/Build");
    }
}
