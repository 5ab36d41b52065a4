namespace NingxiaTrade.Domain.Common;

/// <summary>
/// Limits every Excel import applies (configuration section <c>Imports</c>). The size and cell limits are checked on
/// the .xlsx package before any worksheet is inflated, and again while the first worksheet is streamed, so a small
/// file that expands to millions of cells (a zip bomb) is refused without being loaded.
/// </summary>
public sealed class ImportSettings
{
    /// <summary>The most bytes all parts of one .xlsx may hold uncompressed (default 50 MB).</summary>
    public long MaxUncompressedBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>The most cells one worksheet may declare or hold (default 1,000,000).</summary>
    public long MaxCells { get; set; } = 1_000_000;

    /// <summary>The most data rows (below the header) one worksheet may declare or hold (default 10,000).</summary>
    public int MaxRows { get; set; } = 10_000;

    /// <summary>How long one import may run, from reading the upload to saving (default 60 s).</summary>
    public TimeSpan TimeLimit { get; set; } = TimeSpan.FromSeconds(60);
}
