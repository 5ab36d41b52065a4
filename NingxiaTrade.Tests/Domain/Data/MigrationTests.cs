using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NingxiaTrade.Domain.Data;

namespace NingxiaTrade.Tests.Domain.Data;

/// <summary>Both migration sets stay in step with the model; no database server is needed for any of this.</summary>
public class MigrationTests
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("SqlServer")]
    public void Model_DesignTimeContext_HasNoPendingModelChanges(string provider)
    {
        using TradeDbContext db = provider == "Sqlite"
            ? new SqliteDesignTimeFactory().CreateDbContext([])
            : new SqlServerDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(),
            $"{provider} 的迁移与模型不一致：请运行 dotnet ef migrations add <名称> --context {db.GetType().Name}");
    }

    [Fact]
    public void GenerateScript_SqlServerIdempotent_CoversEveryMigrationWithoutAServer()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("__EFMigrationsHistory", script);
        Assert.Contains("IF NOT EXISTS", script);
        var migrations = db.Database.GetMigrations().ToList();
        Assert.NotEmpty(migrations);
        Assert.All(migrations, id => Assert.Contains($"N'{id}'", script));
    }

    [Fact]
    public async Task Migrate_SqliteEmptyFile_AppliesEveryMigrationAndMatchesTheModel()
    {
        var folder = Path.Combine(Path.GetTempPath(), "nxt-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await using (var migrated = Sqlite(Path.Combine(folder, "migrated.db")))
            {
                await migrated.Database.MigrateAsync();
                Assert.Equal(migrated.Database.GetMigrations(), await migrated.Database.GetAppliedMigrationsAsync());
                Assert.Empty(await migrated.Database.GetPendingMigrationsAsync());
                Assert.Equal(0, await migrated.AuditEntries.CountAsync());
            }
            await using (var created = Sqlite(Path.Combine(folder, "created.db")))
            {
                await created.Database.EnsureCreatedAsync();
            }

            // The tables and columns the migrations build are the ones the model would create directly.
            Assert.Equal(Schema(Path.Combine(folder, "created.db")), Schema(Path.Combine(folder, "migrated.db")));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static SqliteTradeDbContext Sqlite(string path) =>
        new(new DbContextOptionsBuilder<SqliteTradeDbContext>().UseSqlite($"Data Source={path};Pooling=False").Options);

    /// <summary>"Table.Column type notnull pk" for every column of every table but EF's own history and lock tables.</summary>
    private static List<string> Schema(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT m.name, p.name, p.type, p."notnull", p.pk
            FROM sqlite_master m JOIN pragma_table_info(m.name) p
            WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '\_\_EFMigrations%' ESCAPE '\'
            ORDER BY m.name, p.name
            """;
        using var reader = command.ExecuteReader();
        var columns = new List<string>();
        while (reader.Read())
        {
            columns.Add($"{reader.GetString(0)}.{reader.GetString(1)} {reader.GetString(2)} {reader.GetInt64(3)} {reader.GetInt64(4)}");
        }
        return columns;
    }
}
