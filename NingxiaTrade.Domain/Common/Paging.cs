namespace NingxiaTrade.Domain.Common;

/// <summary>One page of a list, and how many rows the whole filtered list has.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount);

public static class PagingExtensions
{
    public const int MaxPageSize = 200;

    /// <summary>Skips to page <paramref name="page"/> (0-based) in the database; never more than <see cref="MaxPageSize"/> rows.</summary>
    public static IQueryable<T> Page<T>(this IQueryable<T> query, int page, int pageSize)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        return query.Skip(Math.Max(page, 0) * pageSize).Take(pageSize);
    }
}
