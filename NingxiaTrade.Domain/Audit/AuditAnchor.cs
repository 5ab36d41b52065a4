using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Data;
using NingxiaTrade.Domain.MarketEntities;

namespace NingxiaTrade.Domain.Audit;

/// <summary>
/// 审计链锚点: the chain's head (sequence and hash) at a time, signed with the platform's SM2 key (from the key file,
/// not the database) and published. Re-hashing the log after an edit, or cutting its tail, no longer matches a
/// published anchor.
/// </summary>
public class AuditAnchor
{
    private AuditAnchor() { }

    public AuditAnchor(long sequence, string hash, DateTime anchoredUtc, PlatformKeyRing platformKeys)
    {
        Sequence = sequence;
        Hash = hash;
        AnchoredUtc = anchoredUtc;
        KeyId = platformKeys.CurrentAnchorKeyId;
        PublicKey = Convert.ToHexStringLower(platformKeys.CurrentAnchorPublicKey);
        Signature = Convert.ToHexStringLower(platformKeys.SignAnchor(SignedBytes()));
    }

    public long Id { get; private set; }
    /// <summary>The sequence number of the chain's last entry when anchored.</summary>
    public long Sequence { get; private set; }
    /// <summary>That entry's hash.</summary>
    public string Hash { get; private set; } = "";
    public DateTime AnchoredUtc { get; private set; }
    /// <summary>Fingerprint of the platform's anchor signing key.</summary>
    public string KeyId { get; private set; } = "";
    /// <summary>The SM2 public key (hex, 04‖x‖y) that verifies <see cref="Signature"/>.</summary>
    public string PublicKey { get; private set; } = "";
    /// <summary>SM2-with-SM3 signature (DER, hex) over <see cref="SignedText"/>.</summary>
    public string Signature { get; private set; } = "";

    /// <summary>What is signed, e.g. <c>NXANCHOR1|1234|&lt;hash&gt;|2026-11-27T02:00:00.0000000Z</c>; anyone can rebuild it from the published fields.</summary>
    public string SignedText => string.Join('|', "NXANCHOR1", Sequence.ToString(CultureInfo.InvariantCulture), Hash,
        DateTime.SpecifyKind(AnchoredUtc, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture));

    public byte[] SignedBytes() => Encoding.UTF8.GetBytes(SignedText);

    /// <summary>True when the signature verifies with <paramref name="publicKey"/>.</summary>
    public bool IsSignedBy(byte[] publicKey)
    {
        try
        {
            return SealCrypto.Verify(publicKey, SignedBytes(), Convert.FromHexString(Signature));
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

/// <summary>Settings of the anchoring (<c>Audit:Anchor</c>).</summary>
public sealed class AuditAnchorSettings
{
    /// <summary>How often the chain head is signed and published.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>Signs the chain head on schedule and lists the published anchors (anyone may read them).</summary>
public sealed class AuditAnchorService(IDbContextFactory<TradeDbContext> contexts, PlatformKeyRing platformKeys, TimeProvider time, AuditAnchorSettings settings)
{
    /// <summary>
    /// Anchors the chain head when the interval has passed since the last anchor and the chain grew beyond that
    /// anchor's own audit entry. Returns 1 when an anchor was made, 0 otherwise.
    /// </summary>
    public async Task<int> AnchorIfDueAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var last = await db.AuditAnchors.AsNoTracking().OrderByDescending(a => a.Id).FirstOrDefaultAsync(cancellationToken);
        if (last is not null && last.AnchoredUtc + settings.Interval > now)
        {
            return 0;
        }
        var head = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
        // Nothing new but the previous anchor's own entry: no anchor needed.
        if (head is null || (last is not null && head.Sequence <= last.Sequence + 1))
        {
            return 0;
        }
        db.Actor = new SystemActor("审计链锚定");
        db.AuditAnchors.Add(new AuditAnchor(head.Sequence, head.Hash, now, platformKeys));
        await db.SaveChangesAsync(cancellationToken);
        return 1;
    }

    /// <summary>Published anchors, newest first.</summary>
    public async Task<PagedResult<AuditAnchor>> PageAsync(int page, int pageSize, CancellationToken cancellationToken = default)
    {
        pageSize = Math.Clamp(pageSize, 1, 100);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var anchors = db.AuditAnchors.AsNoTracking();
        var total = await anchors.CountAsync(cancellationToken);
        var items = await anchors.OrderByDescending(a => a.Id).Page(Math.Max(page, 0), pageSize).ToListAsync(cancellationToken);
        return new PagedResult<AuditAnchor>(items, total);
    }
}
