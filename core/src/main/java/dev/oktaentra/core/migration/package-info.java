/**
 * Migration runbooks: the procedure as code, run against real directories with a journal as its memory (Flyway's
 * info / validate / migrate / repair, for identities).
 *
 * <ul>
 *   <li>Entry point: {@link dev.oktaentra.core.migration.Migration} ({@code builder()…open()}) runs a
 *       {@link dev.oktaentra.core.migration.Runbook} of {@link dev.oktaentra.core.migration.MigrationStep}s against
 *       the ports of a {@link dev.oktaentra.core.migration.MigrationContext}; the ready runbooks are in
 *       {@code steps}. A step of your own extends {@link dev.oktaentra.core.migration.BaseMigrationStep}.</li>
 *   <li>Plans and changes: a step's {@link dev.oktaentra.core.migration.Plan} holds
 *       {@link dev.oktaentra.core.migration.Change}s, each of a {@link dev.oktaentra.core.migration.ChangeKind} that
 *       owns how it is written, read back and undone. Built in: {@link dev.oktaentra.core.migration.OnPremAttribute},
 *       {@link dev.oktaentra.core.migration.OnPremGuidAttribute}, {@link dev.oktaentra.core.migration.CloudAttribute},
 *       {@link dev.oktaentra.core.migration.ProvisioningSwitch}, {@link dev.oktaentra.core.migration.MatchGuards},
 *       {@link dev.oktaentra.core.migration.CloudSyncJobRun} and {@link dev.oktaentra.core.migration.UpnSwap}; more
 *       are registered explicitly
 *       ({@link dev.oktaentra.core.migration.ChangeKinds}).</li>
 *   <li>Journal: {@link dev.oktaentra.core.migration.Journal} of
 *       {@link dev.oktaentra.core.migration.JournalEntry}s, append-only JSON Lines; each step's
 *       {@link dev.oktaentra.core.migration.StepInfo} and {@link dev.oktaentra.core.migration.StepStatus} are derived
 *       from it, never stored.</li>
 *   <li>Results: {@link dev.oktaentra.core.migration.ApplyResult}, {@link dev.oktaentra.core.migration.VerifyResult},
 *       {@link dev.oktaentra.core.migration.RepairResult}, {@link dev.oktaentra.core.migration.StepFinding}; the
 *       errors are {@link dev.oktaentra.core.migration.MigrationException} and its subclasses.</li>
 *   <li>Topology: {@link dev.oktaentra.core.migration.TopologyAdvisor} chooses between an Entra Connect server and
 *       cloud sync from {@link dev.oktaentra.core.migration.TopologyNeeds}.</li>
 * </ul>
 */
package dev.oktaentra.core.migration;
