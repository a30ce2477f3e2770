package org.example.consumer;

import dev.oktaentra.core.directory.CloudDirectory;
import dev.oktaentra.core.directory.OnPremDirectory;
import dev.oktaentra.core.provisioning.ProvisioningSource;
import dev.oktaentra.graph.GraphDirectory;
import dev.oktaentra.ldap.LdapDirectory;
import dev.oktaentra.okta.OktaProvisioning;

/** Each adapter's entry class is one of core's ports, seen from a project that has only the BOM and the adapters. */
final class Ports {

    private Ports() {
    }

    static CloudDirectory cloud(GraphDirectory graph) {
        return graph;
    }

    static OnPremDirectory onPrem(LdapDirectory ldap) {
        return ldap;
    }

    static ProvisioningSource provisioning(OktaProvisioning okta) {
        return okta;
    }
}
