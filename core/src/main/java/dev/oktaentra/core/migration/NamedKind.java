package dev.oktaentra.core.migration;

import dev.oktaentra.core.directory.DirectoryWriter;
import dev.oktaentra.core.provisioning.ProvisioningSource;
import dev.oktaentra.core.tenant.TenantSync;
import java.util.Objects;

/**
 * A built-in kind's name and system, its name as its {@code toString}, and the context's ports the built-in kinds
 * write through, each failing with the step that needs it when the context lacks it.
 */
abstract class NamedKind implements ChangeKind {

    private final String name;
    private final TargetSystem system;

    NamedKind(String name, TargetSystem system) {
        this.name = Objects.requireNonNull(name, "name");
        this.system = Objects.requireNonNull(system, "system");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final TargetSystem system() {
        return system;
    }

    @Override
    public final String toString() {
        return name;
    }

    static DirectoryWriter onPremWriter(MigrationContext ctx, String step) {
        return MigrationContext.require(ctx.onPremWriter(), "an on-prem writer", step);
    }

    static DirectoryWriter cloudWriter(MigrationContext ctx, String step) {
        return MigrationContext.require(ctx.cloudWriter(), "a cloud writer", step);
    }

    static ProvisioningSource provisioning(MigrationContext ctx, String step) {
        return MigrationContext.require(ctx.provisioning(), "the identity provider", step);
    }

    static TenantSync tenant(MigrationContext ctx, String step) {
        return MigrationContext.require(ctx.tenant(), "the tenant controls", step);
    }
}
