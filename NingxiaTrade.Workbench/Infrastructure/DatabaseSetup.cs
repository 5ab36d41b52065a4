using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Audit;
using NingxiaTrade.Domain.Data;

namespace NingxiaTrade.Workbench.Infrastructure;

/// <summary>
/// <c>Database:Provider</c> chooses SQLite (default, a file in <c>Database:DataFolder</c>) or SQL Server
/// (<c>ConnectionStrings:SqlServer</c>). Every context is created per operation and records its user for the audit log.
/// </summary>
public static class DatabaseSetup
{
    public static IServiceCollection AddTradeDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = configuration["Database:Provider"] ?? "Sqlite";
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<AuditInterceptor>();
        services.AddHttpContextAccessor();
        services.AddScoped<WorkbenchCurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<WorkbenchCurrentUser>());

        switch (provider.ToLowerInvariant())
        {
            case "sqlite":
                var sqlite = SqliteConnectionString(configuration, environment);
                services.AddDbContextFactory<SqliteTradeDbContext>((sp, o) => o
                    .UseSqlite(sqlite)
                    .AddInterceptors(sp.GetRequiredService<AuditInterceptor>()));
                services.AddScoped<IDbContextFactory<TradeDbContext>, UserContextFactory<SqliteTradeDbContext>>();
                break;
            case "sqlserver":
                var sqlServer = configuration.GetConnectionString("SqlServer")
                    ?? throw new InvalidOperationException("Database:Provider 为 SqlServer 时必须配置 ConnectionStrings:SqlServer。");
                services.AddDbContextFactory<SqlServerTradeDbContext>((sp, o) => o
                    .UseSqlServer(sqlServer)
                    .AddInterceptors(sp.GetRequiredService<AuditInterceptor>()));
                services.AddScoped<IDbContextFactory<TradeDbContext>, UserContextFactory<SqlServerTradeDbContext>>();
                break;
            default:
                throw new InvalidOperationException($"不支持的数据库类型 Database:Provider = {provider}（可选 Sqlite 或 SqlServer）。");
        }
        // Identity's stores take one context per request or circuit.
        services.AddScoped<TradeDbContext>(sp => sp.GetRequiredService<IDbContextFactory<TradeDbContext>>().CreateDbContext());
        return services;
    }

    /// <summary><c>Database:DataFolder</c> under the content root, <c>App_Data</c> by default.</summary>
    public static string DataFolder(IConfiguration configuration, IHostEnvironment environment)
    {
        var folder = configuration["Database:DataFolder"];
        return string.IsNullOrWhiteSpace(folder)
            ? Path.Combine(environment.ContentRootPath, "App_Data")
            : Path.GetFullPath(folder, environment.ContentRootPath);
    }

    public static string SqliteConnectionString(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration.GetConnectionString("Sqlite");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }
        var folder = DataFolder(configuration, environment);
        Directory.CreateDirectory(folder);
        // No shared cache: it takes table-level locks, so a long read would block writers instead of WAL letting both run.
        return $"Data Source={Path.Combine(folder, "ningxiatrade.db")};Pooling=True;Default Timeout=60";
    }

    /// <summary>Applies pending migrations; on SQLite turns on write-ahead logging so readers never wait for writers.</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<TradeDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            await db.Database.CloseConnectionAsync();
        }
        await db.Database.MigrateAsync();
    }
}

/// <summary>Creates the provider's context and stamps it with the scope's user, for the audit log.</summary>
internal sealed class UserContextFactory<TContext>(IDbContextFactory<TContext> inner, ICurrentUser user) : IDbContextFactory<TradeDbContext>
    where TContext : TradeDbContext
{
    public TradeDbContext CreateDbContext()
    {
        var context = inner.CreateDbContext();
        context.Actor = user;
        return context;
    }
}
