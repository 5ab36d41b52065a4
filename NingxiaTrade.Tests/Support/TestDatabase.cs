using System.Security.Claims;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Audit;
using NingxiaTrade.Domain.Data;

namespace NingxiaTrade.Tests.Support;

/// <summary>
/// A real SQLite database for service tests: in memory (one open connection) or, with <c>onDisk: true</c>,
/// a temporary file. The real migrations are applied and the audit interceptor is on.
/// </summary>
public sealed class TestDatabase : IDbContextFactory<TradeDbContext>, IAsyncDisposable, IDisposable
{
    private readonly SqliteConnection? _memory;
    private readonly string _connectionString;
    private readonly AuditInterceptor _interceptor;

    /// <summary>The default start of the fake clock: Friday 2026-11-27 10:00 China time.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 11, 27, 2, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Time { get; }
    public TestUser User { get; } = new();
    public string? FilePath { get; }

    public TestDatabase(bool onDisk = false, DateTimeOffset? start = null)
    {
        Time = new FakeTimeProvider(start ?? DefaultStart);
        _interceptor = new AuditInterceptor(Time);
        if (onDisk)
        {
            FilePath = Path.Combine(Path.GetTempPath(), "nxt-tests", Guid.NewGuid().ToString("N") + ".db");
            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            _connectionString = $"Data Source={FilePath};Pooling=False";
        }
        else
        {
            _connectionString = "Data Source=:memory:";
            _memory = new SqliteConnection(_connectionString);
            _memory.Open();
        }
        using var db = CreateDbContext();
        db.Database.Migrate();
    }

    public TradeDbContext CreateDbContext()
    {
        var builder = new DbContextOptionsBuilder<SqliteTradeDbContext>().AddInterceptors(_interceptor);
        builder = _memory is not null ? builder.UseSqlite(_memory) : builder.UseSqlite(_connectionString);
        return new SqliteTradeDbContext(builder.Options) { Actor = User };
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    public void Dispose()
    {
        _memory?.Dispose();
        if (FilePath is not null)
        {
            SqliteConnection.ClearAllPools();
            File.Delete(FilePath);
        }
    }
}

/// <summary>A settable current user for service tests.</summary>
public sealed class TestUser : ICurrentUser
{
    public string? UserId { get; set; } = "test-admin";
    public string? UserName { get; set; } = "admin@test.cn";
    private string? _displayName;

    /// <summary>The person's name (姓名); unset, the account name stands in for it (as <see cref="ICurrentUser.DisplayName"/> does).</summary>
    public string? DisplayName { get => _displayName ?? UserName; set => _displayName = value; }
    public List<string> RoleList { get; set; } = [Roles.Admin];
    public bool IsAuthenticated { get; set; } = true;
    public string? Role => string.Join(",", RoleList);
    public bool IsInRole(string role) => IsAuthenticated && RoleList.Contains(role);
    public List<string> Permissions { get; set; } = [];
    public bool HasPermission(string permission) => IsAuthenticated && Permissions.Contains(permission);

    public TestUser As(string role, string? userName = null)
    {
        RoleList = [role];
        UserName = userName ?? role.ToLowerInvariant() + "@test.cn";
        DisplayName = null;
        UserId = "test-" + role.ToLowerInvariant();
        IsAuthenticated = true;
        return this;
    }

    public TestUser Anonymous()
    {
        IsAuthenticated = false;
        RoleList = [];
        UserName = null;
        UserId = null;
        return this;
    }
}
