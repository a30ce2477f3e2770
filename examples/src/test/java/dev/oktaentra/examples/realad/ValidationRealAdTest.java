package dev.oktaentra.examples.realad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.oktaentra.core.anchor.MismatchCause;
import dev.oktaentra.core.directory.CloudUser;
import dev.oktaentra.core.match.MatchOutcome;
import dev.oktaentra.core.match.SourceAnchor;
import dev.oktaentra.core.settings.Secret;
import dev.oktaentra.core.tenant.SyncFeatures;
import dev.oktaentra.core.validation.StagingPrediction;
import dev.oktaentra.core.validation.Validation;
import dev.oktaentra.core.validation.ValidationFinding;
import dev.oktaentra.core.validation.ValidationReport;
import dev.oktaentra.graph.GraphCredentials;
import dev.oktaentra.graph.GraphDirectory;
import dev.oktaentra.graph.GraphPermissions;
import dev.oktaentra.graph.GraphSettings;
import dev.oktaentra.graph.testing.FakeGraphServer;
import dev.oktaentra.ldap.LdapDirectory;
import dev.oktaentra.ldap.testing.RealActiveDirectory;
import dev.oktaentra.ldap.testing.RealAdSeed;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A whole validation against a real Active Directory: the 10,000 users of the Samba 4 DC ({@code .ci/samba-ad}) read
 * over LDAPS by the adapter, against a fake Graph tenant built from Samba's own GUID text ({@code ldbsearch}), with
 * trouble planted by user number. The cloud's ImmutableIDs are computed here from that text the way an admin's
 * PowerShell does, {@code [Convert]::ToBase64String(([guid]$text).ToByteArray())} (.NET's mixed-endian byte order;
 * Microsoft, "Migrate Okta sync provisioning to Microsoft Entra Connect"), without the library's anchor code, so a
 * byte-order mistake anywhere between the DC and the report shows as thousands of mismatches.
 *
 * <p>The source anchor is objectGUID, named explicitly: the seeded users carry no mS-DS-ConsistencyGuid.
 */
class ValidationRealAdTest {

    private static final int PLANT_EVERY = 250;
    /** User numbers n with n % 250 == this: the cloud holds the Base64 of java.util.UUID's big-endian bytes. */
    private static final int BYTE_ORDER = 7;
    /** ... the cloud user has the same UPN and no ImmutableID: only a soft match pairs them. */
    private static final int SOFT_MATCH = 13;
    /** ... no cloud user: Entra Connect would add one. */
    private static final int ON_PREM_ONLY = 19;
    private static final int ORPHANS = 25;
    private static final int SYNCED_ORPHANS = 5;

    @Test
    void validation_ofSambasUsers_againstATenantBuiltFromSambasGuidText_findsExactlyThePlantedTrouble() {
        RealActiveDirectory dc = RealActiveDirectory.fromEnvironment().orElse(null);
        assumeTrue(dc != null, RealActiveDirectory.HOW_TO_RUN);
        RealAdSeed seed = dc.seed();
        Map<String, String> guidText = dc.tools().ldbsearchGuidText(seed.parentDn());
        List<CloudUser> cloud = new ArrayList<>();
        Set<String> byteOrder = new TreeSet<>();
        Set<String> softMatch = new TreeSet<>();
        Set<String> onPremOnly = new TreeSet<>();
        for (int n = 1; n <= RealAdSeed.USERS; n++) {
            String sam = RealAdSeed.samAccountName(n);
            String upn = seed.userPrincipalName(n);
            CloudUser.Builder user = CloudUser.builder().id(UUID.nameUUIDFromBytes(sam.getBytes(StandardCharsets.UTF_8))
                    .toString()).userPrincipalName(upn).mail(upn).proxyAddresses(List.of("SMTP:" + upn));
            switch (n % PLANT_EVERY) {
                case BYTE_ORDER -> {
                    byteOrder.add(upn);
                    cloud.add(user.immutableId(bigEndianBase64(guidText.get(sam))).build());
                }
                case SOFT_MATCH -> {
                    softMatch.add(upn);
                    cloud.add(user.build());
                }
                case ON_PREM_ONLY -> onPremOnly.add(upn);
                default -> cloud.add(user.immutableId(immutableId(guidText.get(sam))).build());
            }
        }
        for (int i = 0; i < ORPHANS; i++) {
            String upn = String.format(Locale.ROOT, "orphan%02d@%s", i, seed.domainName());
            cloud.add(CloudUser.builder().id(UUID.nameUUIDFromBytes(upn.getBytes(StandardCharsets.UTF_8)).toString())
                    .userPrincipalName(upn).immutableId(immutableId(UUID.nameUUIDFromBytes(upn.getBytes(
                            StandardCharsets.UTF_8)).toString())).onPremisesSyncEnabled(i < SYNCED_ORPHANS).build());
        }
        int planted = RealAdSeed.USERS / PLANT_EVERY;
        int noMail = RealAdSeed.USERS / RealAdSeed.NO_MAIL_EVERY;

        try (FakeGraphServer graph = FakeGraphServer.start().addUsers(cloud);
                LdapDirectory ad = LdapDirectory.connect(dc.ldapsSettings().searchBases(seed.searchBases()).build());
                GraphDirectory entra = GraphDirectory.connect(GraphSettings.builder().baseUrl(graph.baseUrl())
                        .allowPlaintextOnLoopback().credentials(GraphCredentials.accessToken(Secret.of(readToken())))
                        .build());
                // The planted soft matches share only the UPN with their cloud user (AD holds no proxyAddresses
                // here), so the tenant must allow the UPN soft match (SoftMatchOnUpn), which the validation does
                // not assume.
                ValidationReport report = Validation.builder().anchor(SourceAnchor.objectGuid())
                        .syncFeatures(new SyncFeatures(false, false, true, false), "SoftMatchOnUpn on").build()
                        .run(ad, entra)) {
            assertThat(report.counts()).containsEntry(MatchOutcome.MATCHED, (long) RealAdSeed.USERS - 3 * planted)
                    .containsEntry(MatchOutcome.ANCHOR_MISMATCH, (long) planted)
                    .containsEntry(MatchOutcome.SOFT_MATCH_ONLY, (long) planted)
                    .containsEntry(MatchOutcome.ONPREM_ONLY, (long) planted)
                    .containsEntry(MatchOutcome.CLOUD_ONLY, (long) ORPHANS)
                    .containsEntry(MatchOutcome.AMBIGUOUS, 0L).containsEntry(MatchOutcome.DUPLICATE_ANCHOR, 0L)
                    .containsEntry(MatchOutcome.INVALID, 0L).containsEntry(MatchOutcome.OUT_OF_SCOPE, 0L);
            assertThat(report.causes()).containsEntry(MismatchCause.BYTE_ORDER, (long) planted);
            StagingPrediction prediction = report.prediction();
            assertThat(List.of(prediction.adds(), prediction.conflictingAdds(), prediction.updates(),
                    prediction.deletes(), prediction.attributeDeletions(), prediction.orphansLeftBehind(),
                    prediction.orphansStillSynced())).containsExactly((long) planted, (long) planted,
                            RealAdSeed.USERS - 2L * planted, 0L, (long) noMail, (long) ORPHANS, (long) SYNCED_ORPHANS);
            assertThat(prediction.attributeDeletionsByAttribute()).isEqualTo(Map.of("mail", (long) noMail));
            // The cloud users carry mail; the users without one on-prem lose it.
            assertThat(prediction.attributeChangesByAttribute()).containsEntry("mail", (long) noMail);
            try (Stream<ValidationFinding> findings = report.findings()) {
                Map<MatchOutcome, Set<String>> upns = findings.filter(f -> f.side() == ValidationFinding.Side.ON_PREM)
                        .collect(Collectors.groupingBy(ValidationFinding::outcome,
                                Collectors.mapping(ValidationFinding::userPrincipalName,
                                        Collectors.toCollection(TreeSet::new))));
                assertThat(upns.get(MatchOutcome.ANCHOR_MISMATCH)).isEqualTo(byteOrder);
                assertThat(upns.get(MatchOutcome.SOFT_MATCH_ONLY)).isEqualTo(softMatch);
                assertThat(upns.get(MatchOutcome.ONPREM_ONLY)).isEqualTo(onPremOnly);
            }
        }
    }

    /** The conversions above, on the published vector (domain reference 0.1 #1, scripting.up-in-the.cloud). */
    @Test
    void theTestsOwnConversions_giveThePublishedValues() {
        assertThat(immutableId("3ab39606-c642-489b-84b6-58c038d3ef39")).isEqualTo("BpazOkLGm0iEtljAONPvOQ==");
        assertThat(bigEndianBase64("3ab39606-c642-489b-84b6-58c038d3ef39")).isEqualTo("OrOWBsZCSJuEtljAONPvOQ==");
    }

    /** .NET's {@code Guid.ToByteArray()}: the first three groups little-endian, the last two as written. */
    static String immutableId(String guidText) {
        byte[] b = HexFormat.of().parseHex(guidText.replace("-", ""));
        byte[] dotNet = {b[3], b[2], b[1], b[0], b[5], b[4], b[7], b[6], b[8], b[9], b[10], b[11], b[12], b[13],
            b[14], b[15]};
        return Base64.getEncoder().encodeToString(dotNet);
    }

    /** The bytes in the order the text is written (java.util.UUID's): the mistake a hand-written script makes. */
    static String bigEndianBase64(String guidText) {
        return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(guidText.replace("-", "")));
    }

    /** An unsigned app-only token with the read permissions; the fake checks no signature. */
    private static String readToken() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String payload = "{\"aud\":\"https://graph.microsoft.com\",\"tid\":\"real-ad-test\",\"roles\":[\""
                + String.join("\",\"", GraphPermissions.READ_ONLY) + "\"]}";
        return b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".unsigned";
    }
}
