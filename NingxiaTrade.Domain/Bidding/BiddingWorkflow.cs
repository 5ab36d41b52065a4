using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Data;
using NingxiaTrade.Domain.Projects;
using NingxiaTrade.Domain.Workflows;

namespace NingxiaTrade.Domain.Bidding;

/// <summary>
/// The <c>bids.count</c> fact of a lot (or of a one-lot project): the bidders whose sealed bid counts — submitted before
/// the deadline and neither replaced, withdrawn nor voided by a re-tender (uploads after the deadline are refused, so
/// every counted bid was in time).
/// </summary>
public sealed class SealedBidFacts(IDbContextFactory<TradeDbContext> contexts) : IWorkflowFactSource
{
    public async Task<long?> GetAsync(Guid projectId, int? lotNumber, string fact, CancellationToken cancellationToken = default)
    {
        if (fact != WorkflowStepChanged.BidsFact)
        {
            return null;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await SealedBidService.ValidCountAsync(db, projectId, lotNumber, cancellationToken);
    }
}

/// <summary>
/// Moves of the per-lot flow drive the bidding side: entering the documents step again (re-tender) voids the bids of the
/// earlier round; a move that needed bids (开标) opens the lot's opening room.
/// </summary>
public sealed class BiddingWorkflowHandler(IDbContextFactory<TradeDbContext> contexts, IProjectDirectory projects, TimeProvider time) : IWorkflowEventHandler
{
    public async Task HandleAsync(WorkflowStepChanged change, CancellationToken cancellationToken)
    {
        if (!change.BidPeriodStarted && change.BidsRequired is null)
        {
            return;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (change.BidPeriodStarted)
        {
            var earlier = await db.SealedBids.Where(b => b.ProjectId == change.ProjectId && (change.LotNumber == null || b.LotNumber == change.LotNumber)
                && b.Status == SealedBidStatus.Submitted).ToListAsync(cancellationToken);
            foreach (var bid in earlier)
            {
                bid.MarkVoid();
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        if (change.BidsRequired is not null)
        {
            var project = await projects.FindAsync(change.ProjectId, cancellationToken);
            var lots = project?.Lots.Where(l => change.LotNumber == null || l.Number == change.LotNumber).Select(l => (l.Number, l.Name)).ToList()
                       ?? [(change.LotNumber ?? 1, $"第{change.LotNumber ?? 1}标段")];
            await BidOpeningService.CreateRoomsAsync(db, change.ProjectId, lots, time.GetUtcNow().UtcDateTime, cancellationToken);
        }
    }
}
