/**
 * The library's core: what every adapter and every user of oktaentra shares. Its packages, each named below relative
 * to {@code dev.oktaentra.core}:
 *
 * <ul>
 *   <li>{@code anchor}: ObjectGUID, ImmutableID and their conversions; the {@code Anchors} facade for one-liners.</li>
 *   <li>{@code detect}: which on-prem attribute populated the cloud's ImmutableIDs.</li>
 *   <li>{@code directory}: the on-prem and cloud users and the ports that stream and write them.</li>
 *   <li>{@code export}: the admins' PowerShell CSV exports of AD and Entra ID, read as directories.</li>
 *   <li>{@code match}: source anchors, match rules and the outcome each object gets, as Entra Connect matches.</li>
 *   <li>{@code validation}: mass validation of the two directories, its report and the predicted staging export.</li>
 *   <li>{@code validation.internal.store}: how a validation holds the two sides compactly and reads them back (spills,
 *       probe tables, read-ahead); internal, not exported.</li>
 *   <li>{@code staging}: the staging server's pending exports, read and tied back to their causes.</li>
 *   <li>{@code migration}: runbooks of steps with plan, apply, verify and rollback, typed changes and the
 *       journal.</li>
 *   <li>{@code migration.steps}: the steps of the two ready runbooks (Connect server and cloud sync).</li>
 *   <li>{@code provisioning}: the identity provider (Okta) that provisions Entra ID today, as a port.</li>
 *   <li>{@code tenant}: the Entra tenant's sync controls (matching guards, cloud sync jobs, provisioning log) and
 *       what a provisioning-log failure means ({@code ProvisioningFailure}).</li>
 *   <li>{@code settings}: what every adapter's settings share: {@code Secret}, {@code RetryPolicy},
 *       {@code ConfigurationException} and the loopback-only rule for plaintext.</li>
 *   <li>{@code progress}: progress reporting for long operations.</li>
 *   <li>{@code report}: report output the others share: Excel-safe CSV and counts in the right number.</li>
 *   <li>{@code report.html}: the self-contained HTML report and its sections (validation, staging export, runbook
 *       status).</li>
 *   <li>{@code validation.internal.store}: the validation's storage engine (probe tables, text arena, spill
 *       files); not API, not exported.</li>
 *   <li>{@code internal}: machinery core's packages share (the CSV limits); not API, not exported.</li>
 * </ul>
 *
 * <p>{@link dev.oktaentra.core.OktaEntraException} is the root of the library's exceptions.
 *
 * <h2>How things are made</h2>
 * One rule for every module, the adapters and the command line's code included:
 * <ul>
 *   <li>A value from its parts or its text: {@code of(…)} and {@code parse(…)}, e.g. {@code ImmutableId.of(text)};
 *       a value with many parts, a module's settings and the objects made from them: {@code builder()…build()}, e.g.
 *       {@code Validation.builder()…build()}, {@code MigrationContext.builder()…build()},
 *       {@code GraphSettings.builder()…build()}. A builder's last call names what it does when it does more than
 *       build: {@code Migration.builder()…open()} opens the journal the migration holds.</li>
 *   <li>A file: {@code open(path)} for one read as it is used and closed by the caller
 *       ({@code OnPremCsvExport.open}, {@code CloudCsvExport.open}, {@code Journal.open},
 *       {@code LdifDirectory.open}); {@code read(path)} for one read whole into a value
 *       ({@code PendingExportReport.read}, {@code ReviewedLeavers.read}); {@code create(path)} for one written anew
 *       ({@code ExcelSafeCsv.create}, {@code PendingExportCsv.create}).</li>
 *   <li>A server: {@code connect(settings)} ({@code GraphDirectory}, {@code LdapDirectory},
 *       {@code OktaProvisioning}).</li>
 *   <li>A changed copy of an immutable value: {@code withX(…)}, e.g.
 *       {@code MigrationOptions.defaults().withAnchor(anchor)}; builders' setters have no {@code with}.</li>
 * </ul>
 *
 * <h2>Words</h2>
 * One word for each idea, spelt the British way ({@code analyse}, {@code PendingExportAnalyser}, as in the step
 * {@code analyse-staging-export}); names that come from elsewhere keep their spelling (Microsoft's CSExportAnalyzer,
 * Graph's organization, Jackson's serializers).
 * <ul>
 *   <li>Anchor format and conversion: {@code AnchorFormat} is the form a text is written in;
 *       {@code AnchorConversion} holds every form of one anchor.</li>
 *   <li>Finding: what a check reports to a person, in the JSON always under {@code findings}. Each check has its
 *       own: {@code ValidationFinding} (one per validated object: its outcome and what it takes),
 *       {@code StagingFinding} (a pending export that needs attention, of a {@code StagingFindingKind}, with the
 *       action to take) and {@code StepFinding} (a step's message, with its severity).</li>
 *   <li>Change: one attribute of one object, before and after. {@code migration.Change} is a change the library
 *       plans, writes and can undo; {@code staging.ObjectChange} and {@code AttributeChange} are the changes the
 *       staging server would export, as the report shows them.</li>
 *   <li>Delta and operation: the staging server's own words ({@code csexport}'s XML). A pending export's
 *       {@code ObjectDelta}, {@code AttributeDelta} and {@code ValueDelta} are its {@code <delta>},
 *       {@code <attr>} and {@code <value>}; {@code ObjectOperation}, {@code AttributeOperation} and
 *       {@code ValueOperation} their {@code operation}s.</li>
 *   <li>Staging export and pending export: the staging export is the file {@code csexport} writes of the staging
 *       server's connector space (the option {@code stagingExport}, the step {@code analyse-staging-export}); a
 *       pending export ({@code PendingExport}) is what it holds for one object.</li>
 *   <li>Attribute names that every module needs are written once: {@code SourceAnchor.OBJECT_GUID} and
 *       {@code SourceAnchor.CONSISTENCY_GUID}.</li>
 * </ul>
 */
package dev.oktaentra.core;
