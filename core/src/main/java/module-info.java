/**
 * oktaentra's core: anchors, directory ports, matching, validation, the staging-export reader, the migration steps
 * and the reports (Excel-safe CSV, the self-contained HTML page), with no SDK in it. Every package is API and
 * exported except {@code dev.oktaentra.core.internal}, the machinery core's packages share, which no other module can
 * read. {@code CoreModuleTest} fails when a package is added without an export here.
 */
module dev.oktaentra.core {
    requires java.xml;
    requires org.slf4j;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires de.siegmar.fastcsv;

    exports dev.oktaentra.core;
    exports dev.oktaentra.core.anchor;
    exports dev.oktaentra.core.detect;
    exports dev.oktaentra.core.directory;
    exports dev.oktaentra.core.export;
    exports dev.oktaentra.core.match;
    exports dev.oktaentra.core.migration;
    exports dev.oktaentra.core.migration.steps;
    exports dev.oktaentra.core.progress;
    exports dev.oktaentra.core.provisioning;
    exports dev.oktaentra.core.report;
    exports dev.oktaentra.core.report.html;
    exports dev.oktaentra.core.settings;
    exports dev.oktaentra.core.staging;
    exports dev.oktaentra.core.tenant;
    exports dev.oktaentra.core.validation;

    // The journal's change (de)serialisers are package-private nested classes that Jackson instantiates.
    opens dev.oktaentra.core.migration to com.fasterxml.jackson.databind;
}
