package dev.oktaentra.core.staging;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * How many objects of one type each operation touches.
 *
 * @param adds objects Entra Connect would create ({@code add})
 * @param updates objects it would change ({@code update} or {@code replace})
 * @param deletes objects it would delete ({@code delete})
 * @param deleteAdds objects it would delete and create again ({@code delete-add}); not counted as adds or deletes
 * @param renames updates that also rename the object ({@code newdn}); also counted in {@code updates}
 */
@JsonPropertyOrder({"adds", "updates", "deletes", "deleteAdds", "renames"})
public record OperationCounts(long adds, long updates, long deletes, long deleteAdds, long renames) {

    /** No objects. */
    public static final OperationCounts ZERO = new OperationCounts(0, 0, 0, 0, 0);

    /**
     * These counts plus one object with the given operation.
     *
     * @param operation the object's operation
     * @param rename whether the object is also renamed
     * @return the new counts
     */
    public OperationCounts plus(ObjectOperation operation, boolean rename) {
        return new OperationCounts(
                adds + (operation == ObjectOperation.ADD ? 1 : 0),
                updates + (operation == ObjectOperation.UPDATE || operation == ObjectOperation.REPLACE ? 1 : 0),
                deletes + (operation == ObjectOperation.DELETE ? 1 : 0),
                deleteAdds + (operation == ObjectOperation.DELETE_ADD ? 1 : 0),
                renames + (rename ? 1 : 0));
    }

    /**
     * Sum of two counts.
     *
     * @param other the other counts
     * @return the sum
     */
    public OperationCounts plus(OperationCounts other) {
        return new OperationCounts(adds + other.adds, updates + other.updates, deletes + other.deletes,
                deleteAdds + other.deleteAdds, renames + other.renames);
    }
}
