using System.Globalization;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Data;

namespace NingxiaTrade.Domain.Calendar;

/// <summary>One date of the schedule as the Admin enters it.</summary>
public sealed record HolidayForm(DateOnly Date, HolidayKind Kind, string Name);

/// <summary>How many dates of a year are entered.</summary>
public sealed record YearCoverage(int Year, int Holidays, int Workdays);

/// <summary>
/// The outcome of an import. When <see cref="ImportResult.Errors"/> is not empty nothing was written; otherwise every row was
/// saved, in one transaction.
/// </summary>
public sealed record HolidayImportResult(int Added, int Updated, int Unchanged, IReadOnlyList<ImportRowError> Errors) : ImportResult(Errors)
{
    public override string Summary => $"新增 {Added} 条，更新 {Updated} 条，未变 {Unchanged} 条。";
}

/// <summary>
/// The Admin's maintenance of the holiday schedule (国务院办公厅 yearly notice on holidays and 调休): one date at a time
/// on screen, or a whole year from Excel. Only the Admin may use any operation here; the public reads the schedule
/// through <see cref="WorkingDayCalendar"/>.
/// </summary>
public sealed class HolidayAdministration(IDbContextFactory<TradeDbContext> contexts, ICurrentUser currentUser, ExcelImport? imports = null)
{
    /// <summary>The largest file <see cref="ImportAsync"/> reads: 2 MB.</summary>
    public const long MaxImportBytes = 2 * 1024 * 1024;

    /// <summary>The most data rows one import may hold.</summary>
    public const int MaxImportRows = 1000;

    /// <summary>The content type of the .xlsx files written here.</summary>
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const string DateFormat = "yyyy-MM-dd";
    private static readonly string[] Header = ["日期", "类型", "名称"];

    /// <summary>The dates entered for <paramref name="year"/>, by date.</summary>
    public async Task<IReadOnlyList<HolidayDate>> ListAsync(int year, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.Admin);
        WorkingDayCalendar.EnsureSupportedYear(year);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.HolidayDates.AsNoTracking().InYear(year).OrderBy(h => h.Date).ToListAsync(cancellationToken);
    }

    /// <summary>Every year that has at least one date entered, ascending.</summary>
    public async Task<IReadOnlyList<YearCoverage>> YearsCoveredAsync(CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var years = await db.HolidayDates
            .GroupBy(h => h.Date.Year)
            .Select(g => new YearCoverage(
                g.Key,
                g.Count(h => h.Kind == HolidayKind.Holiday),
                g.Count(h => h.Kind == HolidayKind.Workday)))
            .ToListAsync(cancellationToken);
        return years.OrderBy(y => y.Year).ToList();
    }

    /// <summary>Enters a date not yet listed.</summary>
    /// <exception cref="DomainException">The date is already listed, or the entry is invalid (see <see cref="HolidayDate.Change"/>).</exception>
    public async Task AddAsync(HolidayForm form, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.Admin);
        WorkingDayCalendar.EnsureSupportedYear(form.Date.Year);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.HolidayDates.AsNoTracking().FirstOrDefaultAsync(h => h.Date == form.Date, cancellationToken) is { } existing)
        {
            throw new DomainException($"{ChinaTime.FormatDate(form.Date)} 已登记为“{existing.Name}（{HolidayDate.KindChinese(existing.Kind)}）”，请编辑该日期。");
        }
        db.HolidayDates.Add(new HolidayDate(form.Date, form.Kind, form.Name));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Changes the kind and name of a listed date.</summary>
    /// <exception cref="DomainException">The date is not listed, or the entry is invalid.</exception>
    public async Task ChangeAsync(HolidayForm form, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var date = await FindAsync(db, form.Date, cancellationToken);
        date.Change(form.Kind, form.Name);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Removes a listed date: it follows the weekend rule again.</summary>
    /// <exception cref="DomainException">The date is not listed.</exception>
    public async Task RemoveAsync(DateOnly date, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.HolidayDates.Remove(await FindAsync(db, date, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Warnings for the Admin's home page: the current year has no schedule, or — from 1 November, when the State
    /// Council has usually published the next year's notice — the next year has none.
    /// </summary>
    public static IReadOnlyList<string> CoverageWarnings(DateOnly today, IEnumerable<int> coveredYears)
    {
        var covered = coveredYears.ToHashSet();
        var warnings = new List<string>();
        if (!covered.Contains(today.Year))
        {
            warnings.Add($"{today.Year}年节假日安排尚未录入，工作日暂按周末规则计算，请尽快录入。");
        }
        if (today >= new DateOnly(today.Year, 11, 1) && !covered.Contains(today.Year + 1))
        {
            warnings.Add($"{today.Year + 1}年节假日安排尚未录入。国务院办公厅发布次年节假日安排通知后，请及时录入或导入。");
        }
        return warnings;
    }

    /// <summary>The import template: header 日期 | 类型 | 名称 and one example row (a real 2026 date).</summary>
    public MemoryStream Template()
    {
        currentUser.Demand(Roles.Admin);
        return Write("节假日", [new HolidayDate(new DateOnly(2026, 10, 1), HolidayKind.Holiday, "国庆节")]);
    }

    /// <summary>The dates of <paramref name="year"/> in the template's layout, so the file can be edited and imported again.</summary>
    public async Task<MemoryStream> ExportAsync(int year, CancellationToken cancellationToken = default)
    {
        var dates = await ListAsync(year, cancellationToken);
        return Write($"{year}年节假日", dates);
    }

    /// <summary>
    /// Imports an .xlsx file in the template's layout. Every row is checked first; when any row fails, the result lists
    /// each failing row with its reason and nothing is written. Otherwise listed dates are updated and new ones added,
    /// in one SaveChanges.
    /// </summary>
    /// <param name="fileName">The uploaded file's name; only .xlsx is accepted.</param>
    /// <param name="length">The size the upload declares, when known; checked before reading.</param>
    /// <param name="content">The file; at most <see cref="MaxImportBytes"/> bytes are read.</param>
    /// <param name="cancellationToken">Cancels the import.</param>
    /// <exception cref="DomainException">Not an .xlsx file, over 2 MB, unreadable, or not in the template's layout.</exception>
    public async Task<HolidayImportResult> ImportAsync(string fileName, long? length, Stream content, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.Admin);
        var outcome = await (imports ?? ExcelImport.Default).ImportAsync(new ExcelImportFile(fileName, length, content), Layout(), contexts, StageAsync, cancellationToken);
        return outcome.Summary is { } s ? s : new HolidayImportResult(0, 0, 0, outcome.Errors);
    }

    private static async Task<HolidayImportResult> StageAsync(TradeDbContext db, IReadOnlyList<ImportedRow<HolidayForm>> rows, Action<ImportRowError> refuse, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return new HolidayImportResult(0, 0, 0, []);
        }
        var first = rows.Min(r => r.Value.Date);
        var last = rows.Max(r => r.Value.Date);
        var existing = await db.HolidayDates.Where(h => h.Date >= first && h.Date <= last).ToDictionaryAsync(h => h.Date, cancellationToken);
        int added = 0, updated = 0, unchanged = 0;
        foreach (var row in rows.Select(r => r.Value))
        {
            if (!existing.TryGetValue(row.Date, out var listed))
            {
                db.HolidayDates.Add(new HolidayDate(row.Date, row.Kind, row.Name));
                added++;
            }
            else if (listed.Kind == row.Kind && listed.Name == row.Name)
            {
                unchanged++;
            }
            else
            {
                listed.Change(row.Kind, row.Name);
                updated++;
            }
        }
        return new HolidayImportResult(added, updated, unchanged, []);
    }

    /// <summary>The template's layout; dates already seen in the file are remembered to report duplicates.</summary>
    private static ExcelImportLayout<HolidayForm> Layout()
    {
        var seen = new Dictionary<DateOnly, int>();
        return new ExcelImportLayout<HolidayForm>
        {
            Header = Header,
            MaxBytes = MaxImportBytes,
            MaxRows = MaxImportRows,
            OneRowIs = "一个日期",
            ReadRow = (row, problems) =>
            {
                var form = ReadRow(row, seen, problems);
                if (form is not null)
                {
                    seen[form.Date] = row.Number;
                }
                return form;
            },
        };
    }

    private static async Task<HolidayDate> FindAsync(TradeDbContext db, DateOnly date, CancellationToken cancellationToken) =>
        await db.HolidayDates.FirstOrDefaultAsync(h => h.Date == date, cancellationToken)
        ?? throw new DomainException($"{ChinaTime.FormatDate(date)} 未登记在节假日日历中。");

    /// <summary>Checks one row; records its problems, or returns the date it enters.</summary>
    private static HolidayForm? ReadRow(ExcelRow cells, Dictionary<DateOnly, int> seen, RowProblems problems)
    {
        var errors = problems.Count;
        var date = ReadDate(cells[0]);
        if (date is null)
        {
            problems.Add($"日期“{cells[0].Trimmed}”无法识别，请填写日期或 yyyy-MM-dd 格式的文本（如 2026-10-01）。", Header[0]);
        }
        else if (date.Value.Year is < WorkingDayCalendar.FirstYear or > WorkingDayCalendar.LastYear)
        {
            problems.Add($"日期 {ChinaTime.FormatDate(date.Value)} 超出支持范围（{WorkingDayCalendar.FirstYear} 至 {WorkingDayCalendar.LastYear} 年）。", Header[0]);
            date = null;
        }
        else if (seen.TryGetValue(date.Value, out var firstRow))
        {
            problems.Add($"日期 {ChinaTime.FormatDate(date.Value)} 与第{firstRow}行重复。", Header[0]);
            date = null;
        }
        var kindText = cells[1].Trimmed;
        var kind = ParseKind(kindText);
        if (kind is null)
        {
            problems.Add($"类型“{kindText}”无效，只能是“节假日”或“调休上班”。", Header[1]);
        }
        var name = cells[2].Trimmed;
        if (date is null || kind is null)
        {
            return null;
        }
        try
        {
            // The entity's own rules: name 1–50 characters, 调休上班 only on a Saturday or Sunday.
            var entry = new HolidayDate(date.Value, kind.Value, name);
            return problems.Count == errors ? new HolidayForm(entry.Date, entry.Kind, entry.Name) : null;
        }
        catch (DomainException e)
        {
            problems.Add(e.Message);
            return null;
        }
    }

    private static DateOnly? ReadDate(ExcelCell cell) =>
        cell.Date ?? (DateOnly.TryParseExact(cell.Trimmed, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null);

    private static HolidayKind? ParseKind(string text)
    {
        foreach (var kind in Enum.GetValues<HolidayKind>())
        {
            if (HolidayDate.KindChinese(kind) == text)
            {
                return kind;
            }
        }
        return null;
    }

    private static MemoryStream Write(string sheetName, IEnumerable<HolidayDate> dates)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet(sheetName);
        for (var c = 0; c < Header.Length; c++)
        {
            sheet.Cell(1, c + 1).SetValue(Header[c]);
        }
        var header = sheet.Range(1, 1, 1, Header.Length);
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = XLColor.LightGray;
        var row = 2;
        foreach (var date in dates)
        {
            sheet.Cell(row, 1).SetValue(date.Date.ToDateTime(TimeOnly.MinValue));
            sheet.Cell(row, 2).SetValue(HolidayDate.KindChinese(date.Kind));
            sheet.Cell(row, 3).SetValue(date.Name);
            row++;
        }
        sheet.Range(2, 1, MaxImportRows + 1, 1).Style.DateFormat.Format = "yyyy-mm-dd";
        sheet.Range(2, 2, MaxImportRows + 1, 2).SetDataValidation()
            .List($"\"{string.Join(",", Enum.GetValues<HolidayKind>().Select(HolidayDate.KindChinese))}\"", true);
        // Widths by hand: AdjustToContents needs libgdiplus on Linux.
        sheet.Column(1).Width = 14;
        sheet.Column(2).Width = 12;
        sheet.Column(3).Width = 30;
        sheet.SheetView.FreezeRows(1);
        var stream = new MemoryStream();
        workbook.SaveAs(stream);
        stream.Position = 0;
        return stream;
    }
}
