package dev.oktaentra.core.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The advisor applies cloud sync's limits as Microsoft documents them today, each rule with its source. */
class TopologyAdvisorTest {

    private static final TopologyNeeds PLAIN = new TopologyNeeds(false, false, false, 1_000);

    @Test
    void advise_twoDomainsUnderTheLimitEach_isCloudSyncAlthoughTheTotalIsAbove() {
        TopologyAdvice advice = TopologyAdvisor.advise(new TopologyNeeds(false, false, false, 260_000)
                .withObjectsPerDomain(Map.of("emea.contoso.com", 130_000L, "amer.contoso.com", 130_000L)));

        assertThat(advice.topology()).isEqualTo(Topology.CLOUD_SYNC);
        assertThat(advice.reasons()).anySatisfy(r -> assertThat(r).contains("per AD domain"));
    }

    @Test
    void advise_oneDomainAboveTheLimit_needsAServerAndNamesTheDomain() {
        TopologyAdvice advice = TopologyAdvisor.advise(PLAIN.withObjectsPerDomain(
                Map.of("emea.contoso.com", 150_001L, "amer.contoso.com", 10L)));

        assertThat(advice.topology()).isEqualTo(Topology.CONNECT_SERVER);
        assertThat(advice.reasons()).anySatisfy(r -> assertThat(r).contains("emea.contoso.com").contains("150,001")
                .doesNotContain("amer.contoso.com"));
    }

    @Test
    void advise_aTotalAboveTheLimitWithoutDomainCounts_needsAServerAndAsksForThem() {
        TopologyAdvice advice = TopologyAdvisor.advise(new TopologyNeeds(false, false, false, 200_000));

        assertThat(advice.topology()).isEqualTo(Topology.CONNECT_SERVER);
        assertThat(advice.reasons()).anySatisfy(r -> assertThat(r).contains("withObjectsPerDomain"));
    }

    @Test
    void advise_passwordAndGroupWriteback_areCloudSync() {
        TopologyAdvice advice = TopologyAdvisor.advise(PLAIN.withWritebacks(
                Set.of(TopologyNeeds.Writeback.PASSWORD, TopologyNeeds.Writeback.GROUP)));

        assertThat(advice.topology()).isEqualTo(Topology.CLOUD_SYNC);
    }

    @Test
    void advise_deviceWriteback_needsAServer() {
        TopologyAdvice advice = TopologyAdvisor.advise(PLAIN.withWritebacks(Set.of(TopologyNeeds.Writeback.DEVICE)));

        assertThat(advice.topology()).isEqualTo(Topology.CONNECT_SERVER);
        assertThat(advice.reasons()).anySatisfy(r -> assertThat(r).contains("Device writeback"));
    }

    @Test
    void advise_writebackOfAnUnnamedKind_needsAServerUntilNamed() {
        TopologyAdvice advice = TopologyAdvisor.advise(new TopologyNeeds(false, false, true, 1_000));

        assertThat(advice.topology()).isEqualTo(Topology.CONNECT_SERVER);
        assertThat(advice.reasons()).anySatisfy(r -> assertThat(r).contains("withWritebacks"));
    }

    @Test
    void advise_aGroupAboveFiftyThousandMembers_needsAServer() {
        TopologyAdvice advice = TopologyAdvisor.advise(PLAIN.withLargestGroupMembers(50_001));

        assertThat(advice.topology()).isEqualTo(Topology.CONNECT_SERVER);
        assertThat(advice.reasons()).anySatisfy(r -> assertThat(r).contains("50,000"));
        assertThat(advice.blockers()).isEmpty();
    }

    @Test
    void advise_aGroupOfTwoHundredFiftyThousandMembers_isABlockerEvenForAServer() {
        TopologyAdvice advice = TopologyAdvisor.advise(PLAIN.withLargestGroupMembers(250_000));

        assertThat(advice.topology()).isEqualTo(Topology.CONNECT_SERVER);
        assertThat(advice.blockers()).anySatisfy(b -> assertThat(b).contains("250,000"));
    }

    @Test
    void advise_deviceSync_needsAServerWhileCloudSyncHasItInPreviewOnly() {
        TopologyAdvice advice = TopologyAdvisor.advise(new TopologyNeeds(true, false, false, 1_000));

        assertThat(advice.topology()).isEqualTo(Topology.CONNECT_SERVER);
        assertThat(advice.reasons()).anySatisfy(r -> assertThat(r).contains("preview"));
    }

    @Test
    void advise_cloudSyncAgentOnAnOktaAgentServer_isABlocker() {
        TopologyAdvice advice = TopologyAdvisor.advise(PLAIN.withAgentServers(Set.of("DC01.contoso.com", "ok2"),
                Set.of("dc01.CONTOSO.com", "sync1")));

        assertThat(advice.topology()).isEqualTo(Topology.CLOUD_SYNC);
        assertThat(advice.blockers()).singleElement().satisfies(b -> assertThat(b).contains("dc01.contoso.com")
                .doesNotContain("sync1"));
    }

    @Test
    void advise_separateAgentServers_haveNoBlocker() {
        TopologyAdvice advice = TopologyAdvisor.advise(PLAIN.withAgentServers(Set.of("ok1"), Set.of("sync1")));

        assertThat(advice.blockers()).isEmpty();
    }
}
