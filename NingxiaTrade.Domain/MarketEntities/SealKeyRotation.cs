using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Data;

namespace NingxiaTrade.Domain.MarketEntities;

/// <summary>
/// After the platform's seal wrap key is rotated (a new current key in the key file), moves every seal's outer wrap to
/// the new key. No PIN is needed: only the platform layer changes; the PIN layer stays as it is.
/// </summary>
public sealed class SealKeyRotation(IDbContextFactory<TradeDbContext> contexts, PlatformKeyRing platformKeys)
{
    /// <summary>Re-wraps the seals still on an older platform key; returns how many moved.</summary>
    public async Task<int> RewrapAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var current = platformKeys.CurrentSealWrapKeyId;
        var seals = await db.ElectronicSeals
            .Where(s => s.FormatVersion == ElectronicSeal.CurrentFormat && s.WrapKeyId != current)
            .ToListAsync(cancellationToken);
        var moved = seals.Count(seal => seal.Rewrap(platformKeys));
        if (moved > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        return moved;
    }
}
