package io.jenkins.plugins.mlcicd.jenkins.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.model.Item;
import hudson.model.Queue;
import hudson.security.ACL;
import org.junit.jupiter.api.Test;

/**
 * Offline only (the real Item has too many abstract members to implement in a test): whose
 * credentials a job's form lists. A job is a Queue.Task, and its listing must go through
 * Tasks.getAuthenticationOf2, whose stand-in throws "stand-in": that is how the call is seen here.
 */
class CredentialsListingTest {
    private interface Job extends Item, Queue.Task {
    }

    @Test
    void aJobListsAsTheAuthenticationItsBuildsRunAs() {
        Job job = new Job() {
        };
        assertThatThrownBy(() -> DatabaseForms.listingAuthentication(job))
                .isInstanceOf(UnsupportedOperationException.class).hasMessage("stand-in");
    }

    @Test
    void anItemNothingBuildsListsAsSystem() {
        Item folder = new Item() {
        };
        assertThat(DatabaseForms.listingAuthentication(folder)).isSameAs(ACL.SYSTEM2).isNotNull();
    }
}
