/// Who opens the store, which decides its durability.
public enum StoreRole: Sendable {
    /// Intake and operator commands: every commit is fsynced (a job id is a promise to the caller).
    case intake
    /// The worker: claims and completions may lose the last commits to a power cut, never to a crash.
    case worker
}
