using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace NingxiaTrade.Domain.Data;

/// <summary>For <c>dotnet ef</c>: migrations for SQLite live in Data/Migrations/Sqlite.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteTradeDbContext>
{
    public SqliteTradeDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteTradeDbContext>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>For <c>dotnet ef</c>: migrations for SQL Server live in Data/Migrations/SqlServer. No server is needed.</summary>
public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerTradeDbContext>
{
    public SqlServerTradeDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerTradeDbContext>()
            .UseSqlServer("Server=localhost;Database=NingxiaTrade;Trusted_Connection=True;TrustServerCertificate=True").Options);
}
