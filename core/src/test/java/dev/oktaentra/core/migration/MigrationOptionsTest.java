package dev.oktaentra.core.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oktaentra.core.match.SourceAnchor;
import dev.oktaentra.core.match.TargetEngine;
import dev.oktaentra.core.tenant.SyncFeatures;
import dev.oktaentra.core.validation.AttributeMapping;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationOptionsTest {

    /** Options in which every component differs from the defaults. */
    private static final MigrationOptions EVERY_COMPONENT_CHANGED = new MigrationOptions(7, SourceAnchor.objectGuid(),
            List.of(), List.of(AttributeMapping.of("mail", "mail"), AttributeMapping.of("department", "department")),
            0.5, Path.of("csexport.xml"), new TopologyNeeds(true, false, false, 40), 12, Path.of("leavers.txt"), true,
            Path.of("new-users.txt"), TargetEngine.cloudSync(), new SyncFeatures(true, true, false, true), true, 0);

    @Test
    void everyWithCopyChangesItsOwnComponentAndNoOther() throws Exception {
        assertEveryCopyChangesOnlyItsComponent(MigrationOptions.defaults(), EVERY_COMPONENT_CHANGED);
        assertEveryCopyChangesOnlyItsComponent(EVERY_COMPONENT_CHANGED, MigrationOptions.defaults());
    }

    /** For each component: {@code from.withX(to.x())} equals {@code from} but in x, which is {@code to}'s. */
    private static void assertEveryCopyChangesOnlyItsComponent(MigrationOptions from, MigrationOptions to)
            throws Exception {
        RecordComponent[] components = MigrationOptions.class.getRecordComponents();
        for (RecordComponent changed : components) {
            Object value = changed.getAccessor().invoke(to);
            assertThat(value).as(changed.getName()).isNotEqualTo(changed.getAccessor().invoke(from));
            String name = "with" + Character.toUpperCase(changed.getName().charAt(0)) + changed.getName().substring(1);
            Method with = MigrationOptions.class.getMethod(name, changed.getType());

            MigrationOptions copy = (MigrationOptions) with.invoke(from, value);

            for (RecordComponent component : components) {
                Object expected = component == changed ? to : from;
                assertThat(component.getAccessor().invoke(copy)).as(name + " -> " + component.getName())
                        .isEqualTo(component.getAccessor().invoke(expected));
            }
        }
    }

    @Test
    void aCopyIsCheckedLikeTheOriginal() {
        assertThatThrownBy(() -> MigrationOptions.defaults().withOnDemandSample(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("onDemandSample");
        assertThatThrownBy(() -> MigrationOptions.defaults().withAttributeMappings(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("attributeMappings");
    }
}
