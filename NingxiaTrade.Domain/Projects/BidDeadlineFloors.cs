using NingxiaTrade.Domain.Data;

namespace NingxiaTrade.Domain.Projects;

/// <summary>The earliest bid deadline a rule allows, and the rule (cited in the refusal of an earlier one).</summary>
public sealed record BidDeadlineFloor(DateTime EarliestUtc, string Basis);

/// <summary>
/// A rule of another module that keeps a bid deadline from being set earlier than it allows — the bidding module's, for
/// one: after an amendment that may affect bid preparation, at least 15 days (《招标投标法》第二十三条). The projects
/// module asks every source each time a deadline is set, in the same context, so no later change can undercut it.
/// </summary>
public interface IBidDeadlineFloorSource
{
    /// <summary>
    /// The floor for the project (<paramref name="lotNumber"/> null) or one lot, counting only what happened since the
    /// subject's documents were issued in its current round (<paramref name="documentsIssuedUtc"/>); null when none.
    /// </summary>
    Task<BidDeadlineFloor?> FloorAsync(TradeDbContext db, Guid projectId, int? lotNumber, DateTime? documentsIssuedUtc,
        CancellationToken cancellationToken = default);
}

/// <summary>
/// A move of the bid deadline another module needs: every subject named (the project; one lot; with no lot, every lot
/// still taking bids) whose deadline falls before <see cref="Floor"/> moves to <see cref="NewDeadlineUtc"/>.
/// </summary>
public sealed record BidDeadlineExtension(Guid ProjectId, int? LotNumber, int Revision, DateTime? NewDeadlineUtc, BidDeadlineFloor Floor);

/// <summary>A subject whose deadline moved.</summary>
public sealed record MovedBidDeadline(int? LotNumber, string Label, DateTime? PreviousUtc, DateTime NewUtc);

/// <summary>
/// The projects module's published way to move bid deadlines on another module's behalf: through the same checks,
/// history and audit as setting a deadline on the project page, in one transaction with the other module's own change.
/// </summary>
public interface IBidDeadlineExtender
{
    /// <summary>
    /// Moves the subjects that need it (refused, changing nothing, when a new deadline is needed and missing or earlier than
    /// the floor), lets <paramref name="alongside"/> add its own rows to the same context, and saves all at once.
    /// </summary>
    Task<IReadOnlyList<MovedBidDeadline>> ExtendAsync(BidDeadlineExtension extension, Func<TradeDbContext, CancellationToken, Task> alongside,
        CancellationToken cancellationToken = default);
}
