using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Data;

namespace NingxiaTrade.Domain.Audit;

/// <summary>
/// The outcome of walking the chain and checking it against the published anchors: either intact, or the first
/// entry where it breaks, and the first anchor it contradicts, and why.
/// </summary>
public sealed record AuditChainReport(long EntriesChecked, long? FirstBrokenSequence, string? Problem,
    int AnchorsChecked = 0, long? ContradictedAnchorId = null, string? AnchorProblem = null)
{
    public bool IsIntact => FirstBrokenSequence is null && ContradictedAnchorId is null;
}

/// <summary>
/// Walks the audit log in sequence order, recomputing every hash. A row edited by hand no longer matches its
/// hash; a row deleted leaves a gap in the sequence; a row whose hash was also recomputed breaks the next
/// row's link. Reads in pages, so a chain of millions of entries never sits in memory at once.
/// Then checks every anchor: signed by a platform key, and the entry at its sequence still exists with its hash —
/// which catches a log re-hashed from an edit onwards, and a cut tail.
/// </summary>
public sealed class AuditChainVerifier(IDbContextFactory<TradeDbContext> contexts, PlatformKeyRing? platformKeys = null)
{
    private const int PageSize = 2000;

    public async Task<AuditChainReport> VerifyAsync(IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        var (checkedCount, broken, problem) = await WalkAsync(progress, cancellationToken);
        var (anchorsChecked, anchorId, anchorProblem) = await CheckAnchorsAsync(cancellationToken);
        return new AuditChainReport(checkedCount, broken, problem, anchorsChecked, anchorId, anchorProblem);
    }

    private async Task<(long Checked, long? Broken, string? Problem)> WalkAsync(IProgress<long>? progress, CancellationToken cancellationToken)
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
                return (checkedCount, null, null);
            }
            foreach (var entry in page)
            {
                if (entry.Sequence != expected)
                {
                    return (checkedCount, expected, $"缺少第 {expected} 条记录（下一条为第 {entry.Sequence} 条）：记录被删除。");
                }
                if (entry.PreviousHash != previousHash)
                {
                    return (checkedCount, entry.Sequence, $"第 {entry.Sequence} 条记录的前序哈希与第 {entry.Sequence - 1} 条记录不衔接：链条被改写。");
                }
                if (entry.ComputeHash() != entry.Hash)
                {
                    return (checkedCount, entry.Sequence, $"第 {entry.Sequence} 条记录的内容与其哈希值不符：记录被篡改。");
                }
                previousHash = entry.Hash;
                expected++;
                checkedCount++;
            }
            progress?.Report(checkedCount);
        }
    }

    private async Task<(int Checked, long? AnchorId, string? Problem)> CheckAnchorsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var anchors = await db.AuditAnchors.AsNoTracking().OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var count = 0;
        foreach (var anchor in anchors)
        {
            var name = $"第 {anchor.Id} 号锚点（{ChinaTime.Format(anchor.AnchoredUtc)}，第 {anchor.Sequence} 条）";
            byte[] publicKey;
            if (platformKeys is null)
            {
                publicKey = Convert.FromHexString(anchor.PublicKey);
            }
            else if (platformKeys.AnchorPublicKey(anchor.KeyId) is { } known && Convert.ToHexStringLower(known) == anchor.PublicKey)
            {
                publicKey = known;
            }
            else
            {
                return (count, anchor.Id, $"{name}的签名公钥不是本平台的锚点签名密钥：锚点被伪造。");
            }
            if (!anchor.IsSignedBy(publicKey))
            {
                return (count, anchor.Id, $"{name}的签名无效：锚点被篡改。");
            }
            var hash = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence == anchor.Sequence)
                .Select(e => e.Hash).FirstOrDefaultAsync(cancellationToken);
            if (hash is null)
            {
                return (count, anchor.Id, $"{name}已公示，但审计日志中已没有第 {anchor.Sequence} 条记录：日志末尾被删除。");
            }
            if (hash != anchor.Hash)
            {
                return (count, anchor.Id, $"第 {anchor.Sequence} 条记录的哈希与{name}公示的哈希不符：锚定之后日志被改写。");
            }
            count++;
        }
        return (count, null, null);
    }
}
