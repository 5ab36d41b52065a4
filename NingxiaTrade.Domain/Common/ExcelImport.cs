using System.IO.Compression;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Data;

namespace NingxiaTrade.Domain.Common;

/// <summary>An uploaded file: its name, the size it declares (when known) and its content.</summary>
public sealed record ExcelImportFile(string FileName, long? Length, Stream Content);

/// <summary>One valid row of a file, with its Excel row number.</summary>
public sealed record ImportedRow<TRow>(int Row, TRow Value);

/// <summary>The problems of one row, collected while it is read; each has the row's number.</summary>
public sealed class RowProblems(int row)
{
    private readonly List<ImportRowError> _errors = [];

    public int Row { get; } = row;

    public int Count => _errors.Count;

    public IReadOnlyList<ImportRowError> Errors => _errors;

    /// <summary>Records a problem; <paramref name="column"/> names the column when the problem is in one cell.</summary>
    public void Add(string message, string? column = null) => _errors.Add(new ImportRowError(Row, message, column));
}

/// <summary>The layout of one import's first worksheet and how one of its rows is read.</summary>
public sealed class ExcelImportLayout<TRow>
{
    /// <summary>Row 1, column by column (a leading * marking a required column is allowed).</summary>
    public required IReadOnlyList<string> Header { get; init; }

    /// <summary>The largest file read.</summary>
    public required long MaxBytes { get; init; }

    /// <summary>The most data rows this import takes (never more than <see cref="ImportSettings.MaxRows"/>).</summary>
    public required int MaxRows { get; init; }

    /// <summary>What one row is, for the “no data rows” message: e.g. “一个日期”.</summary>
    public required string OneRowIs { get; init; }

    /// <summary>What the user should do when the header is wrong.</summary>
    public string HeaderAdvice { get; init; } = "请下载并使用导入模板。";

    /// <summary>
    /// Reads one non-empty row (cells in header order); records each problem and returns null when there is any.
    /// Cells holding a formula error never reach this: the pipeline reports them.
    /// </summary>
    public required Func<ExcelRow, RowProblems, TRow?> ReadRow { get; init; }
}

/// <summary>The outcome of <see cref="ExcelImport.ImportAsync{TRow, TSummary}"/>: the summary when saved, the errors otherwise.</summary>
public sealed record ImportOutcome<TSummary>(TSummary? Summary, IReadOnlyList<ImportRowError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// The one pipeline every Excel import goes through: (a) read the upload with a size limit, (b) check the package
/// before loading any worksheet (uncompressed size, declared dimensions — a zip bomb is refused without being
/// inflated), (c) stream the first worksheet's rows, a formula error in a cell becoming that row's error (formulas are
/// never evaluated), (d) read and validate every row and report every problem at once, (e) save all rows through the
/// audited SaveChanges or nothing, (f) all of it within <see cref="ImportSettings.TimeLimit"/>.
/// </summary>
public sealed class ExcelImport(ImportSettings settings, TimeProvider time)
{
    /// <summary>The limits of <see cref="ImportSettings"/>'s defaults and the system clock (services built without DI).</summary>
    public static ExcelImport Default { get; } = new(new ImportSettings(), TimeProvider.System);

    public ImportSettings Settings { get; } = settings;

    /// <summary>The content type of .xlsx files.</summary>
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// Imports <paramref name="file"/>: reads every row with <paramref name="layout"/>, then lets <paramref name="stage"/>
    /// check the valid rows against the database and add or change entities in the context it is given (adding a
    /// problem for any row it refuses). When any row has a problem nothing is saved and every problem is returned,
    /// by row; otherwise the context is saved once.
    /// </summary>
    /// <exception cref="DomainException">The file as a whole is refused: not an .xlsx, too large, unreadable, over a
    /// limit, wrong header, no data rows, or the time limit passed.</exception>
    public async Task<ImportOutcome<TSummary>> ImportAsync<TRow, TSummary>(
        ExcelImportFile file,
        ExcelImportLayout<TRow> layout,
        IDbContextFactory<TradeDbContext> contexts,
        Func<TradeDbContext, IReadOnlyList<ImportedRow<TRow>>, Action<ImportRowError>, CancellationToken, Task<TSummary>> stage,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(contexts);
        ArgumentNullException.ThrowIfNull(stage);
        var started = time.GetTimestamp();
        using var timeout = new CancellationTokenSource(Settings.TimeLimit, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var token = linked.Token;
        void CheckTime()
        {
            token.ThrowIfCancellationRequested();
            if (time.GetElapsedTime(started) > Settings.TimeLimit)
            {
                throw TimedOut();
            }
        }
        try
        {
            var (rows, errors) = await ReadAsync(file, layout, CheckTime, token);
            CheckTime();
            await using var db = await contexts.CreateDbContextAsync(token);
            var summary = await stage(db, rows, errors.Add, token);
            CheckTime();
            if (errors.Count > 0)
            {
                return new ImportOutcome<TSummary>(default, errors.OrderBy(e => e.Row).ToList());
            }
            await db.SaveChangesAsync(token);
            return new ImportOutcome<TSummary>(summary, []);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw TimedOut();
        }
    }

    private async Task<(List<ImportedRow<TRow>> Rows, List<ImportRowError> Errors)> ReadAsync<TRow>(
        ExcelImportFile file, ExcelImportLayout<TRow> layout, Action checkTime, CancellationToken cancellationToken)
    {
        if (!string.Equals(Path.GetExtension(file.FileName), ".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainException($"只能导入 Excel 文件（.xlsx）：“{file.FileName}”不是 .xlsx 文件。");
        }
        DomainException TooLarge() => new($"文件超过 {layout.MaxBytes / 1024 / 1024} MB，无法导入，请分批导入。");
        if (file.Length > layout.MaxBytes)
        {
            throw TooLarge();
        }
        await using var buffer = await ExcelUpload.ReadLimitedAsync(file.Content, layout.MaxBytes, TooLarge, cancellationToken);
        checkTime();
        using var sheet = XlsxSheetReader.Open(buffer, Settings);
        var maxRows = Math.Min(layout.MaxRows, Settings.MaxRows);
        var rows = new List<ImportedRow<TRow>>();
        var errors = new List<ImportRowError>();
        var sawHeader = false;
        var dataRows = 0;
        try
        {
            foreach (var row in sheet.Rows(layout.Header.Count, cancellationToken))
            {
                checkTime();
                if (!sawHeader)
                {
                    CheckHeader(row, layout);
                    sawHeader = true;
                    continue;
                }
                if (row.Number - 1 > maxRows)
                {
                    throw new DomainException($"文件超过 {maxRows} 行数据，请分批导入。");
                }
                dataRows++;
                var problems = new RowProblems(row.Number);
                foreach (var cell in row.Cells.Select((cell, column) => (cell, column)))
                {
                    ReportUnreadable(cell.cell, layout.Header[cell.column], problems);
                }
                var value = problems.Count == 0 ? layout.ReadRow(row, problems) : default;
                errors.AddRange(problems.Errors);
                if (problems.Count == 0 && value is not null)
                {
                    rows.Add(new ImportedRow<TRow>(row.Number, value));
                }
            }
        }
        catch (Exception e) when (e is XmlException or InvalidDataException or IOException)
        {
            throw XlsxSheetReader.Corrupt();
        }
        if (!sawHeader)
        {
            throw HeaderMissing(layout);
        }
        if (dataRows == 0)
        {
            throw new DomainException($"文件中没有数据行（表头下方一行{layout.OneRowIs}）。");
        }
        return (rows, errors);
    }

    private static void CheckHeader<TRow>(ExcelRow row, ExcelImportLayout<TRow> layout)
    {
        if (row.Number != 1 || Enumerable.Range(0, layout.Header.Count).Any(c => row[c].Trimmed.TrimStart('*').Trim() != layout.Header[c]))
        {
            throw HeaderMissing(layout);
        }
    }

    private static DomainException HeaderMissing<TRow>(ExcelImportLayout<TRow> layout) =>
        new($"第1行须为表头“{string.Join(" | ", layout.Header)}”，{layout.HeaderAdvice}");

    /// <summary>A cell whose saved value is a formula error, or a formula saved without a value, is the row's error.</summary>
    private static void ReportUnreadable(ExcelCell cell, string column, RowProblems problems)
    {
        if (cell.Kind == ExcelCellKind.Error)
        {
            problems.Add($"{column}（单元格 {cell.Reference}）是公式，计算结果为错误值 {cell.Text}，请改正公式或直接填写内容。", column);
        }
        else if (cell.Kind == ExcelCellKind.FormulaWithoutValue)
        {
            problems.Add($"{column}（单元格 {cell.Reference}）是公式，但文件中没有保存计算结果（本平台不计算公式），请在 Excel 中打开并保存，或直接填写内容。", column);
        }
    }

    private DomainException TimedOut() =>
        new($"导入超过 {Settings.TimeLimit.TotalSeconds:0} 秒仍未完成，已停止，未写入任何数据。请拆分文件后分批导入。");
}
