package dev.oktaentra.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TenantSyncStateTest {

    @Test
    void matchBlocks_areTheTwoGuardsAmongTheFeatures() {
        SyncFeatures features = new SyncFeatures(true, false, false, true);

        TenantSyncState state = new TenantSyncState(true, null, features);

        assertThat(state.features()).isEqualTo(features);
        assertThat(state.matchBlocks()).isEqualTo(new MatchBlocks(true, false));
    }

    @Test
    void aStateKnownOnlyByItsGuards_takesMicrosoftsDefaultsForTheOtherFeatures() {
        TenantSyncState state = new TenantSyncState(null, null, MatchBlocks.CLOSED);

        assertThat(state.features()).isEqualTo(new SyncFeatures(true, true, true, false));
        assertThat(state.matchBlocks()).isEqualTo(MatchBlocks.CLOSED);
    }

    @Test
    void features_areRequired() {
        assertThatThrownBy(() -> new TenantSyncState(null, null, (SyncFeatures) null))
                .isInstanceOf(NullPointerException.class).hasMessage("features");
    }
}
