namespace NingxiaTrade.Domain.Common;

/// <summary>
/// Why one row of an imported file was refused: <paramref name="Row"/> is the Excel row number, <paramref name="Column"/>
/// the column's header (or the cell, e.g. “B7”) when the problem is in one cell.
/// </summary>
public sealed record ImportRowError(int Row, string Message, string? Column = null);

/// <summary>What every import returns: when <see cref="Errors"/> is not empty nothing was written.</summary>
public abstract record ImportResult(IReadOnlyList<ImportRowError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    /// <summary>What was written, in one sentence for the screen (only meaningful when <see cref="Succeeded"/>).</summary>
    public abstract string Summary { get; }
}
