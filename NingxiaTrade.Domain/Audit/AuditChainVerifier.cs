using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Data;

namespace NingxiaTrade.Domain.Audit;

/// <summary>The outcome of walking the chain: either intact, or the first entry where it breaks and why.</summary>
public sealed record AuditChainReport(long EntriesChecked, long? FirstBrokenSequence, string? Problem)
{
    public bool IsIntact => FirstBrokenSequence is null;
}

/// <summary>
/// Walks the audit log in sequence order, recomputing every hash. A row edited by hand no longer matches its
/// hash; a row deleted leaves a gap in the sequence; a row whose hash was also recomputed breaks the next
/// row's link. Reads in pages, so a chain of millions of entries never sits in memory at once.
/// </summary>
public sealed class AuditChainVerifier(IDbContextFactory<TradeDbContext> contexts)
{
    private const int PageSize = 2000;

    public async Task<AuditChainReport> VerifyAsync(IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        long expected = 1;
        var previousHash = AuditEntry.GenesisHash;
        long checkedCount = 0;
        while (true)
        {
            var after = expected - 1;
            var page = await db.AuditEntries.AsNoTracking()
                .Where(e => e.Sequence > after)
                .OrderBy(e => e.Sequence)
                .Take(PageSize)
                .ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                return new AuditChainReport(checkedCount, null, null);
            }
            foreach (var entry in page)
            {
                if (entry.Sequence != expected)
                {
                    return new AuditChainReport(checkedCount, expected,
                        $"缺少第 {expected} 条记录（下一条为第 {entry.Sequence} 条）：记录被删除。");
                }
                if (entry.PreviousHash != previousHash)
                {
                    return new AuditChainReport(checkedCount, entry.Sequence,
                        $"第 {entry.Sequence} 条记录的前序哈希与第 {entry.Sequence - 1} 条记录不衔接：链条被改写。");
                }
                if (entry.ComputeHash() != entry.Hash)
                {
                    return new AuditChainReport(checkedCount, entry.Sequence,
                        $"第 {entry.Sequence} 条记录的内容与其哈希值不符：记录被篡改。");
                }
                previousHash = entry.Hash;
                expected++;
                checkedCount++;
            }
            progress?.Report(checkedCount);
        }
    }
}
