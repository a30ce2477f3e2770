// The rehearsal's tenant in JShell: an in-memory Active Directory (LDAPS), Entra ID and Okta stand-ins on loopback,
// seeded with the trouble real tenants have and read through the real adapters. Nothing leaves this machine.
// The whole runbook from dry run to verified cutover is one command: java -jar examples/target/oktaentra.jar rehearse
import dev.oktaentra.examples.rehearsal.*;

EmbeddedEnvironment env = EmbeddedEnvironment.start(Scenario.forUsers(500, Scenario.DEFAULT_SEED));
env.describe().forEach(System.out::println);

SeededTenant seeded = env.seeded();
System.out.println("planted: " + seeded.anchorMismatches().size() + " anchor mismatches, "
        + seeded.softMatchCloudIds().size() + " soft matches, " + seeded.onPremOnlyDns().size() + " on-prem only, "
        + (seeded.syncedOrphanIds().size() + seeded.unsyncedOrphanIds().size()) + " cloud orphans, "
        + seeded.mailMissingOnPrem().size() + " mails only in the cloud");

// 1. Which attribute did Okta put into the ImmutableIDs?
AnchorDetection detection = AnchorSourceDetector.detect(env.onPrem(), env.cloud());
System.out.println(detection.describe());

// 2. What would Entra Connect do with every user? (LDAP over TLS on one side, the Graph SDK on the other)
try (ValidationReport report = Validation.builder().anchor(detection.winner().anchor()).build()
        .run(env.onPrem(), env.cloud())) {
    System.out.println("outcomes:   " + report.counts());
    System.out.println("causes:     " + report.causes());
    System.out.println("soft matches to an admin: " + report.summary().adminRoleSoftMatches());
    System.out.println("prediction: " + report.prediction());
}

// 3. The Office 365 apps in Okta, and who provisions what
env.provisioning().apps().forEach(app -> System.out.println(app.label() + ": provisioning " + app.provisioning()));

env.close();
