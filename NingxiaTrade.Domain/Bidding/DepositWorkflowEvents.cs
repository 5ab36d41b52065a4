using NingxiaTrade.Domain.Projects;
using NingxiaTrade.Domain.Workflows;

namespace NingxiaTrade.Domain.Bidding;

/// <summary>
/// Starts deposit refund periods from the project's flow: entering a step that records 签订合同 (<c>ContractSigned</c>, the
/// default flows' 合同签订) makes every deposit of the lot (or of every lot) that arrived due back. The award notice names
/// no winner in the flow, so procurement's losers are started by <see cref="DepositService.AwardNoticeIssuedAsync"/> from
/// the module that knows the winner.
/// </summary>
public sealed class DepositWorkflowEvents(IProjectDirectory projects, DepositService deposits) : IWorkflowEventHandler
{
    public async Task HandleAsync(WorkflowStepChanged change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.TradeType is not (Common.TradeType.EngineeringBidding or Common.TradeType.GovernmentProcurement) || change.FromStep == change.ToStep)
        {
            return;
        }
        var events = await projects.StepEventsAsync(change.ProjectId, change.ToStep, cancellationToken);
        if (events.Contains(DutyEvents.ContractSigned))
        {
            await deposits.ContractSignedCoreAsync(change.ProjectId, change.LotNumber, change.AtUtc, cancellationToken);
        }
    }
}
