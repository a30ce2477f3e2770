package dev.oktaentra.core.staging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class AttributeDeltaTest {

    private static AttributeDelta delta(AttributeOperation operation, boolean multivalued, ValueDelta... values) {
        return new AttributeDelta("a", false, multivalued, "string", operation, List.of(values));
    }

    @Test
    void isDeletion_whenNothingReplacesARemovedValue() {
        assertThat(delta(AttributeOperation.DELETE, false).isDeletion()).isTrue();
        assertThat(delta(AttributeOperation.REPLACE, false).isDeletion()).isTrue();
        assertThat(delta(AttributeOperation.REPLACE, false, ValueDelta.set("x")).isDeletion()).isFalse();
        assertThat(delta(AttributeOperation.UPDATE, true, ValueDelta.delete("x")).isDeletion()).isTrue();
        assertThat(delta(AttributeOperation.UPDATE, true, ValueDelta.delete("x"), ValueDelta.add("y")).isDeletion())
                .isFalse();
        assertThat(delta(AttributeOperation.UPDATE, true).isDeletion()).isFalse();
        assertThat(delta(AttributeOperation.ADD, false, ValueDelta.set("x")).isDeletion()).isFalse();
    }

    @Test
    void apply_followsEachOperation() {
        List<String> before = List.of("a", "b");

        assertThat(delta(AttributeOperation.REPLACE, true, ValueDelta.set("c")).apply(before)).containsExactly("c");
        assertThat(delta(AttributeOperation.DELETE, true).apply(before)).isEmpty();
        assertThat(delta(AttributeOperation.DELETE, true, ValueDelta.delete("a")).apply(before)).containsExactly("b");
        assertThat(delta(AttributeOperation.ADD, true, ValueDelta.set("c")).apply(before))
                .containsExactly("a", "b", "c");
        assertThat(delta(AttributeOperation.ADD, false, ValueDelta.set("c")).apply(List.of("a"))).containsExactly("c");
        assertThat(delta(AttributeOperation.UPDATE, true, ValueDelta.add("c"), ValueDelta.delete("a")).apply(before))
                .containsExactly("b", "c");
    }

    @Property(tries = 500)
    void update_isSetDifferenceThenUnion(@ForAll @Size(max = 6) List<@StringLength(max = 3) String> before,
            @ForAll @Size(max = 4) List<@StringLength(max = 3) String> added,
            @ForAll @Size(max = 4) List<@StringLength(max = 3) String> removed) {
        List<ValueDelta> values = new ArrayList<>();
        removed.forEach(v -> values.add(ValueDelta.delete(v)));
        added.forEach(v -> values.add(ValueDelta.add(v)));
        AttributeDelta update = new AttributeDelta("a", false, true, null, AttributeOperation.UPDATE, values);

        LinkedHashSet<String> expected = new LinkedHashSet<>(before);
        expected.removeAll(removed);
        expected.addAll(added);
        assertThat(update.apply(before)).containsExactlyElementsOf(expected);
        assertThat(update.addedValues()).containsExactlyElementsOf(added);
        assertThat(update.removedValues()).containsExactlyElementsOf(removed);
        assertThat(update.isDeletion()).isEqualTo(added.isEmpty() && !removed.isEmpty());
    }
}
