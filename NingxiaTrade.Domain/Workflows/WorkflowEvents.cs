using NingxiaTrade.Domain.Common;

namespace NingxiaTrade.Domain.Workflows;

/// <summary>
/// A project — or one lot of it (<see cref="LotNumber"/>) once its lots move separately — left <see cref="FromStep"/> and
/// entered <see cref="ToStep"/> (raised after the change is committed). <see cref="BidPeriodStarted"/>: the subject entered
/// the step from which its bid deadline counts (documents issued; on a re-tender the earlier bids no longer count).
/// <see cref="BidsRequired"/>: the move needed at least that many bids (<c>bids.count</c>) — an opening.
/// </summary>
public sealed record WorkflowStepChanged(
    Guid ProjectId, string ProjectCode, TradeType TradeType, string? FromStep, string ToStep, string? Trigger, DateTime AtUtc, int? LotNumber = null,
    bool BidPeriodStarted = false, int? BidsRequired = null)
{
    public const string BidsFact = "bids.count";

    /// <summary>The least <c>bids.count</c> a transition's guards ask for, or null when none asks for one.</summary>
    public static int? BidsRequiredBy(WorkflowTransition transition) =>
        transition.Guards.Where(g => g.Name == "FactAtLeast" && g.Parameters.GetValueOrDefault("fact") == BidsFact)
            .Select(g => int.TryParse(g.Parameters.GetValueOrDefault("min"), out var min) ? min : 0)
            .Where(min => min > 0).Select(min => (int?)min).Max();
}

/// <summary>
/// Later modules (notices, bidding, evaluation) subscribe by registering an implementation; the workflow
/// module does not know them. A failing handler is logged and does not undo the move.
/// </summary>
public interface IWorkflowEventHandler
{
    Task HandleAsync(WorkflowStepChanged change, CancellationToken cancellationToken);
}
