package org.example.anchors;

import dev.oktaentra.core.anchor.Anchors;

/** Uses an exported package of core from a named module. */
public final class Convert {

    private Convert() {
    }

    /**
     * Prints the ImmutableID of each objectGUID given.
     *
     * @param args objectGUIDs as text
     */
    public static void main(String[] args) {
        for (String guid : args) {
            System.out.println(guid + " " + Anchors.immutableId(guid));
        }
    }
}
