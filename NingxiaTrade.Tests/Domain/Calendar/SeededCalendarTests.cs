using NingxiaTrade.Domain.Organisations;
using NingxiaTrade.Tests.Support;

namespace NingxiaTrade.Tests.Domain.Calendar;

/// <summary>A fresh SQLite database per test with the reference data, so the real 2026 schedule (39 dates) is present.</summary>
public abstract class SeededCalendarTests : IAsyncLifetime
{
    protected TestDatabase Database { get; } = new();

    public async ValueTask InitializeAsync()
    {
        await using var db = Database.CreateDbContext();
        await ReferenceData.SeedAsync(db);
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();

    protected static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd");
}
