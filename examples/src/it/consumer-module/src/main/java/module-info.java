module org.example.anchors {
    requires dev.oktaentra.core;
}
