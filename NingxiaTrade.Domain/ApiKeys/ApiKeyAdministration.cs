using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Data;

namespace NingxiaTrade.Domain.ApiKeys;

/// <summary>The Admin issues and revokes partner systems' API keys.</summary>
public sealed class ApiKeyAdministration(IDbContextFactory<TradeDbContext> contexts, ICurrentUser currentUser, TimeProvider time)
{
    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ApiKeys.AsNoTracking().OrderByDescending(k => k.CreatedUtc).Take(500).ToListAsync(cancellationToken);
    }

    /// <summary>Returns the secret: it is shown once and cannot be recovered.</summary>
    public async Task<string> IssueAsync(string name, DateTime? expiresUtc, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (key, secret) = ApiKey.Issue(name, currentUser.ActorName(), time.GetUtcNow().UtcDateTime, expiresUtc);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return secret;
    }

    public async Task RevokeAsync(Guid id, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, cancellationToken) ?? throw new Common.DomainException("密钥不存在。");
        key.Revoke(time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
    }
}
