package dev.oktaentra.core.staging;

import dev.oktaentra.core.anchor.ImmutableId;
import dev.oktaentra.core.directory.DirectoryRecord;
import java.util.ArrayList;
import java.util.List;

/** Anchors from domain.md §0 (verified vectors) and small helpers shared by the staging tests. */
final class Fixtures {

    /** ADSyncTools' example anchor and its connector-space DN. */
    static final String ANCHOR_A = "QF5HMK7n80qvdYsUPIHa9Q==";
    static final String DN_A = "CN={514635484D4B376E38307176645973555049486139513D3D}";
    /** objectGUID 3ab39606-c642-489b-84b6-58c038d3ef39. */
    static final String ANCHOR_B = "BpazOkLGm0iEtljAONPvOQ==";
    static final String DN_B = ImmutableId.of(ANCHOR_B).toConnectorSpaceDn();
    /** objectGUID 8c4ac332-975f-4717-ad7b-ba4a4e968fff (has '+' and '/'). */
    static final String ANCHOR_C = "MsNKjF+XF0ete7pKTpaP/w==";
    static final String DN_C = ImmutableId.of(ANCHOR_C).toConnectorSpaceDn();
    /** The same GUID as ANCHOR_B in java.util.UUID's (wrong) byte order. */
    static final String ANCHOR_B_WRONG = "OrOWBsZCSJuEtljAONPvOQ==";

    private Fixtures() {
    }

    static List<DirectoryRecord<PendingExport>> readAll(PendingExportReader reader) {
        List<DirectoryRecord<PendingExport>> all = new ArrayList<>();
        try (reader) {
            while (reader.hasNext()) {
                all.add(reader.next());
            }
        }
        return all;
    }

    static List<PendingExport> exports(SyntheticExport export) {
        return readAll(export.reader()).stream().map(DirectoryRecord::orElseThrow).toList();
    }

    static PendingExport only(SyntheticExport export) {
        List<PendingExport> all = exports(export);
        if (all.size() != 1) {
            throw new AssertionError("expected one object, got " + all.size());
        }
        return all.get(0);
    }
}
