/// What the worker does once an autofix pull request lives on (`outcomes.*`); defaults in the docs' brackets.
public struct OutcomeConfiguration: Sendable {
    /// Follow-up correction rounds after CI fails on the fix branch, each pushing to the same branch [1].
    public var followUpRounds = 1
    /// Say in the evidence comment when CI passes on the fix branch [on].
    public var commentOnGreen = true
    /// A fix still red after its follow-ups is labelled `failedLabel` and closed after this [24 h]; zero
    /// labels it and never closes it.
    public var closeRedAfter: Duration = .seconds(86_400)
    public var failedLabel = "ci/autofix-failed"
    /// For installations without webhooks: how often the worker asks GitHub about open autofix pull
    /// requests [zero: never; webhooks report it].
    public var pollInterval: Duration = .zero
    /// Open pull requests looked at per poll (two requests each), the oldest-updated first.
    public var pollMaxPulls = 100

    public init() {}
}
