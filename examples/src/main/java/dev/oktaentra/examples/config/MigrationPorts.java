package dev.oktaentra.examples.config;

import dev.oktaentra.core.directory.CloudDirectory;
import dev.oktaentra.core.directory.DirectoryWriter;
import dev.oktaentra.core.directory.OnPremDirectory;
import dev.oktaentra.core.migration.MigrationContext;
import dev.oktaentra.core.migration.TargetSystem;
import dev.oktaentra.core.progress.ProgressListener;
import dev.oktaentra.core.provisioning.ProvisioningSource;
import dev.oktaentra.core.tenant.DirectoryAuditLog;
import dev.oktaentra.core.tenant.TenantSync;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ports a {@link MigrationConfig} names, open: the on-prem and cloud directories with their writers, the tenant
 * controls and Okta. A file export has no writer: a step that must write there fails with a message naming the
 * missing port, and nothing is written.
 */
public final class MigrationPorts implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationPorts.class);

    private final MigrationConfig config;
    private final Deque<AutoCloseable> open = new ArrayDeque<>();
    private OnPremDirectory onPrem;
    private DirectoryWriter onPremWriter;
    private CloudDirectory cloud;
    private DirectoryWriter cloudWriter;
    private TenantSync tenant;
    private DirectoryAuditLog audits;
    private ProvisioningSource provisioning;

    private MigrationPorts(MigrationConfig config) {
        this.config = config;
    }

    static MigrationPorts open(MigrationConfig config, Secrets secrets, Consumer<String> notices) {
        MigrationPorts ports = new MigrationPorts(config);
        try {
            OnPremSource.Opened ad = config.onPrem().open(secrets);
            ports.open.push(ad.directory());
            ports.onPrem = ad.directory();
            ports.onPremWriter = ad.writer();
            CloudSource.Opened entra = config.cloud().open(secrets, notices);
            ports.open.push(entra.directory());
            ports.cloud = entra.directory();
            ports.cloudWriter = entra.writer();
            ports.tenant = entra.tenant();
            ports.audits = entra.audits();
            if (config.okta() != null) {
                ProvisioningSource okta = config.okta().open(secrets);
                ports.open.push(okta);
                ports.provisioning = okta;
            }
            return ports;
        } catch (RuntimeException e) {
            ports.close();
            throw e;
        }
    }

    /**
     * A context over these ports with the configuration's options.
     *
     * @param progress where long phases report progress
     * @return the context; the ports stay owned by this object
     */
    public MigrationContext context(ProgressListener progress) {
        return MigrationContext.builder()
                .onPrem(onPrem).onPremWriter(onPremWriter)
                .cloud(cloud).cloudWriter(cloudWriter)
                .tenant(tenant).provisioning(provisioning).directoryAudits(audits)
                .options(config.options())
                .progress(progress)
                .build();
    }

    /**
     * The on-prem directory.
     *
     * @return the directory
     */
    public OnPremDirectory onPrem() {
        return onPrem;
    }

    /**
     * The cloud directory.
     *
     * @return the directory
     */
    public CloudDirectory cloud() {
        return cloud;
    }

    /**
     * Okta, when configured.
     *
     * @return the identity provider, or empty
     */
    public Optional<ProvisioningSource> provisioning() {
        return Optional.ofNullable(provisioning);
    }

    /**
     * What the configuration lacks for writes to a system, in its own terms: a file export has no writer, and Okta
     * may be left out.
     *
     * @param system where a plan writes
     * @return the missing setting, e.g. {@code onPrem is a read-only export; name Active Directory in onPrem.ldap},
     *         or empty when this system can be written
     */
    public Optional<String> cannotWrite(TargetSystem system) {
        return Optional.ofNullable(switch (system) {
            case ON_PREM -> onPremWriter != null ? null
                    : "onPrem is a read-only export; name Active Directory in onPrem.ldap to write on-prem";
            case CLOUD -> cloudWriter != null ? null
                    : "cloud is a read-only export; name Entra ID in cloud.graph to write in the cloud";
            case TENANT -> tenant != null ? null
                    : "cloud is a read-only export; name Entra ID in cloud.graph to change tenant settings";
            case PROVISIONING -> provisioning != null ? null : "okta is not configured; name the org in okta";
        });
    }

    /** Closes every port, newest first; a failure to close one is logged and the others are still closed. */
    @Override
    public void close() {
        while (!open.isEmpty()) {
            AutoCloseable port = open.pop();
            try {
                port.close();
            } catch (Exception e) {
                LOG.warn("Cannot close {}: {}", port, e.getMessage());
            }
        }
    }
}
