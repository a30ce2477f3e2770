package dev.oktaentra.okta;

import java.util.List;

/**
 * One page of an Okta list and the cursor of the next.
 *
 * @param items the page's items
 * @param after the {@code after} cursor of the next page, or {@code null} on the last page
 * @param <T> the item type
 */
record Page<T>(List<T> items, String after) {

    /** Freezes the items. */
    public Page {
        items = List.copyOf(items);
    }

    /**
     * Whether another page follows.
     *
     * @return true when {@link #after()} is set
     */
    public boolean hasNext() {
        return after != null;
    }
}
