module org.example.internal {
    requires dev.oktaentra.core;
}
