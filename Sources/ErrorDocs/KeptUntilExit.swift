/// What a build leaves to the process's exit instead of freeing it: a large catalog is
/// millions of objects, freed one by one, when the tool is about to exit anyway.
final class KeptUntilExit {
    private var values: [Any] = []

    init() {
        // Never released, so neither is anything kept here.
        _ = Unmanaged.passRetained(self)
    }

    func keep(_ values: Any...) {
        self.values += values
    }
}
