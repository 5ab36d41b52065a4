using NingxiaTrade.Domain.Common;

namespace NingxiaTrade.Domain.Workflows;

/// <summary>
/// A project — or one lot of it (<see cref="LotNumber"/>) once its lots move separately — left <see cref="FromStep"/> and
/// entered <see cref="ToStep"/> (raised after the change is committed).
/// </summary>
public sealed record WorkflowStepChanged(
    Guid ProjectId, string ProjectCode, TradeType TradeType, string? FromStep, string ToStep, string? Trigger, DateTime AtUtc, int? LotNumber = null);

/// <summary>
/// Later modules (notices, bidding, evaluation) subscribe by registering an implementation; the workflow
/// module does not know them. A failing handler is logged and does not undo the move.
/// </summary>
public interface IWorkflowEventHandler
{
    Task HandleAsync(WorkflowStepChanged change, CancellationToken cancellationToken);
}
