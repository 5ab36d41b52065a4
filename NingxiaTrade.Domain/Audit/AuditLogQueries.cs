using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Data;

namespace NingxiaTrade.Domain.Audit;

/// <summary>Filter of the audit log screen. Dates are China calendar dates, inclusive.</summary>
public sealed record AuditQuery(
    DateOnly? From = null, DateOnly? To = null, string? UserName = null, string? EntityType = null,
    string? EntityKey = null, string? Action = null, int Page = 0, int PageSize = 20);

public sealed record AuditTail(long Count, DateTime? LastUtc);

/// <summary>Reading the audit log, one page at a time, for Admins only.</summary>
public sealed class AuditLogQueries(IDbContextFactory<TradeDbContext> contexts, ICurrentUser currentUser)
{
    public async Task<PagedResult<AuditEntry>> PageAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entries = db.AuditEntries.AsNoTracking();
        if (query.From is { } from)
        {
            var fromUtc = ChinaTime.StartOfDayUtc(from);
            entries = entries.Where(e => e.TimestampUtc >= fromUtc);
        }
        if (query.To is { } to)
        {
            var toUtc = ChinaTime.StartOfDayUtc(to.AddDays(1));
            entries = entries.Where(e => e.TimestampUtc < toUtc);
        }
        if (!string.IsNullOrWhiteSpace(query.UserName))
        {
            entries = entries.Where(e => e.UserName!.Contains(query.UserName.Trim()));
        }
        if (!string.IsNullOrWhiteSpace(query.EntityType))
        {
            entries = entries.Where(e => e.EntityType == query.EntityType);
        }
        if (!string.IsNullOrWhiteSpace(query.EntityKey))
        {
            entries = entries.Where(e => e.EntityKey == query.EntityKey.Trim());
        }
        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            entries = entries.Where(e => e.Action == query.Action);
        }
        var total = await entries.CountAsync(cancellationToken);
        var page = await entries.OrderByDescending(e => e.Sequence).Page(query.Page, query.PageSize).ToListAsync(cancellationToken);
        return new PagedResult<AuditEntry>(page, total);
    }

    public async Task<IReadOnlyList<string>> EntityTypesAsync(CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.AuditEntries.Select(e => e.EntityType).Distinct().OrderBy(t => t).ToListAsync(cancellationToken);
    }

    /// <summary>The entry's changes as lines for the screen: Chinese field names, China time, 元, no JSON.</summary>
    public IReadOnlyList<AuditChangeLine> Describe(AuditEntry entry)
    {
        if (_model is null)
        {
            using var db = contexts.CreateDbContext();
            _model = db.Model;
        }
        return AuditChangeFormatter.Lines(entry, _model);
    }

    private static Microsoft.EntityFrameworkCore.Metadata.IReadOnlyModel? _model;

    public async Task<AuditTail> TailAsync(CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var last = await db.AuditEntries.OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.TimestampUtc }).FirstOrDefaultAsync(cancellationToken);
        return new AuditTail(last?.Sequence ?? 0, last?.TimestampUtc);
    }
}
