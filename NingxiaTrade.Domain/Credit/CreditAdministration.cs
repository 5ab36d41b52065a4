using System.Globalization;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Calendar;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Data;
using NingxiaTrade.Domain.MarketEntities;

namespace NingxiaTrade.Domain.Credit;

public sealed record CreditRecordForm(
    CreditRecordKind Kind, bool Favourable, string Summary, string DocumentNumber, string? LegalBasis, string? IssuedBy,
    DateOnly Date, DateOnly PublishFrom, DateOnly PublishUntil);

public sealed record MarketBanForm(string ListName, IReadOnlyCollection<TradeType> TradeTypes, DateOnly From, DateOnly To, string Reason, string? DocumentNumber);

/// <summary>One row of the ban list across entities.</summary>
public sealed record MarketBanRow(Guid BanId, Guid EntityId, string CreditCode, string EntityName, MarketBan Ban);

public sealed record BanImportResult(int Imported, IReadOnlyList<ImportRowError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Supervisors (and the Admin) keep credit records and ban lists: one entry at a time, or a whole list
/// (失信被执行人, 重大税收违法失信主体 …) imported from Excel by credit code, all rows or none.
/// </summary>
public sealed class CreditAdministration(IDbContextFactory<TradeDbContext> contexts, ICurrentUser currentUser, TimeProvider time)
{
    public const long MaxImportBytes = 2 * 1024 * 1024;
    public const int MaxImportRows = 5000;
    public const string XlsxContentType = HolidayAdministration.XlsxContentType;

    internal static readonly string[] KeeperRoles = [Roles.Supervisor, Roles.Admin];
    private static readonly string[] Header = ["统一社会信用代码", "名单名称", "禁入范围", "开始日期", "结束日期", "事由", "文号"];
    private const string AllScope = "全部";

    public async Task<Guid> AddRecordAsync(Guid entityId, CreditRecordForm form, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(KeeperRoles);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await RequireEntityAsync(db, entityId, cancellationToken);
        var record = new CreditRecord(entityId, form.Kind, form.Favourable, form.Summary, form.DocumentNumber, form.LegalBasis, form.IssuedBy,
            form.Date, form.PublishFrom, form.PublishUntil, currentUser.ActorName(), time.GetUtcNow().UtcDateTime);
        db.CreditRecords.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return record.Id;
    }

    public async Task<Guid> AddBanAsync(Guid entityId, MarketBanForm form, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(KeeperRoles);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await RequireEntityAsync(db, entityId, cancellationToken);
        var ban = new MarketBan(entityId, form.ListName, form.TradeTypes, form.From, form.To, form.Reason, form.DocumentNumber,
            currentUser.ActorName(), time.GetUtcNow().UtcDateTime);
        db.MarketBans.Add(ban);
        await db.SaveChangesAsync(cancellationToken);
        return ban.Id;
    }

    public async Task LiftBanAsync(Guid banId, string reason, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(KeeperRoles);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ban = await db.MarketBans.FirstOrDefaultAsync(b => b.Id == banId, cancellationToken) ?? throw new DomainException("禁入记录不存在。");
        ban.Lift(ChinaTime.DateOf(time.GetUtcNow().UtcDateTime), reason);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Every ban, newest first, with server paging; <paramref name="activeOnly"/> keeps those in force today.</summary>
    public async Task<PagedResult<MarketBanRow>> ListBansAsync(string? text, bool activeOnly, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        currentUser.Demand([.. KeeperRoles, Roles.CentreClerk]);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = from b in db.MarketBans.AsNoTracking()
                   join e in db.MarketEntities on b.MarketEntityId equals e.Id
                   select new { b, e.Code, e.Name };
        if (!string.IsNullOrWhiteSpace(text))
        {
            var t = text.Trim();
            rows = CreditCode.TryParse(t, out var code) ? rows.Where(x => x.Code == code) : rows.Where(x => x.Name.Contains(t) || x.b.ListName.Contains(t));
        }
        if (activeOnly)
        {
            var today = ChinaTime.DateOf(time.GetUtcNow().UtcDateTime);
            rows = rows.Where(x => x.b.From <= today && x.b.To >= today && (x.b.LiftedOn == null || x.b.LiftedOn > today));
        }
        var total = await rows.CountAsync(cancellationToken);
        var items = await rows.OrderByDescending(x => x.b.CreatedUtc).Page(page, pageSize).ToListAsync(cancellationToken);
        return new PagedResult<MarketBanRow>(items.Select(x => new MarketBanRow(x.b.Id, x.b.MarketEntityId, x.Code.Value, x.Name, x.b)).ToList(), total);
    }

    /// <summary>
    /// Imports a ban list. Every row is checked first (credit code with the rule it breaks, registered entity, dates,
    /// scope, reason); when any row fails, the result lists each and nothing is written.
    /// </summary>
    public async Task<BanImportResult> ImportBansAsync(string fileName, long? length, Stream content, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(KeeperRoles);
        if (!string.Equals(Path.GetExtension(fileName), ".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainException($"只能导入 Excel 文件（.xlsx）：“{fileName}”不是 .xlsx 文件。");
        }
        if (length > MaxImportBytes)
        {
            throw TooLarge();
        }
        using var buffer = await ExcelUpload.ReadLimitedAsync(content, MaxImportBytes, TooLarge, cancellationToken);
        var parsed = ReadRows(buffer);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var codes = parsed.Where(r => r.Code is not null).Select(r => r.Code!.Value).Distinct().ToList();
        var entities = await db.MarketEntities.Where(e => codes.Contains(e.Code)).Select(e => new { e.Code, e.Id }).ToListAsync(cancellationToken);
        var byCode = entities.ToDictionary(e => e.Code.Value, e => e.Id);
        var errors = new List<ImportRowError>();
        var bans = new List<MarketBan>();
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var row in parsed)
        {
            errors.AddRange(row.Errors.Select(m => new ImportRowError(row.Row, m)));
            if (row.Code is { } code && !byCode.ContainsKey(code.Value))
            {
                errors.Add(new ImportRowError(row.Row, $"统一社会信用代码 {code} 未在市场主体库中登记。"));
                continue;
            }
            if (row.Errors.Count > 0 || row.Code is null)
            {
                continue;
            }
            try
            {
                bans.Add(new MarketBan(byCode[row.Code.Value.Value], row.ListName, row.Types, row.From!.Value, row.To!.Value, row.Reason, row.DocumentNumber,
                    currentUser.ActorName(), now));
            }
            catch (DomainException e)
            {
                errors.Add(new ImportRowError(row.Row, e.Message));
            }
        }
        if (errors.Count > 0)
        {
            return new BanImportResult(0, errors);
        }
        db.MarketBans.AddRange(bans);
        await db.SaveChangesAsync(cancellationToken);
        return new BanImportResult(bans.Count, []);
    }

    /// <summary>The import template with one example row.</summary>
    public MemoryStream Template()
    {
        currentUser.Demand(KeeperRoles);
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("禁入名单");
        for (var c = 0; c < Header.Length; c++)
        {
            sheet.Cell(1, c + 1).SetValue(Header[c]);
        }
        sheet.Range(1, 1, 1, Header.Length).Style.Font.Bold = true;
        sheet.Cell(2, 1).SetValue("91640100MA76XXXXXX");
        sheet.Cell(2, 2).SetValue("失信被执行人");
        sheet.Cell(2, 3).SetValue(AllScope);
        sheet.Cell(2, 4).SetValue("2026-01-01");
        sheet.Cell(2, 5).SetValue("2027-12-31");
        sheet.Cell(2, 6).SetValue("拒不履行生效判决");
        sheet.Cell(2, 7).SetValue("（2026）宁01执123号");
        workbook.AddWorksheet("说明").Cell(1, 1).SetValue($"说明：禁入范围填“{AllScope}”或交易类型（{string.Join("、", TradeTypeNames.All.Select(t => t.Chinese()))}），多个用顿号分隔；日期为 yyyy-MM-dd。只导入第一个工作表；请删除示例行后导入。");
        int[] widths = [22, 18, 30, 14, 14, 40, 24];
        for (var c = 0; c < widths.Length; c++)
        {
            sheet.Column(c + 1).Width = widths[c];
        }
        var stream = new MemoryStream();
        workbook.SaveAs(stream);
        stream.Position = 0;
        return stream;
    }

    private sealed record ParsedRow(int Row, CreditCode? Code, string ListName, List<TradeType> Types, DateOnly? From, DateOnly? To, string Reason, string? DocumentNumber, List<string> Errors);

    private static List<ParsedRow> ReadRows(Stream buffer)
    {
        using var workbook = ExcelUpload.Open(buffer);
        var sheet = workbook.Worksheets.First();
        if (Enumerable.Range(1, Header.Length).Any(c => sheet.Cell(1, c).GetFormattedString().Trim() != Header[c - 1]))
        {
            throw new DomainException($"第1行须为表头“{string.Join(" | ", Header)}”，请下载并使用导入模板。");
        }
        var lastRow = sheet.LastRowUsed()?.RowNumber() ?? 1;
        if (lastRow - 1 > MaxImportRows)
        {
            throw new DomainException($"文件超过 {MaxImportRows} 行数据，请分批导入。");
        }
        var rows = new List<ParsedRow>();
        for (var r = 2; r <= lastRow; r++)
        {
            var cells = Enumerable.Range(1, Header.Length).Select(c => sheet.Cell(r, c)).ToArray();
            if (cells.All(c => c.IsEmpty()))
            {
                continue;
            }
            rows.Add(ReadRow(r, cells));
        }
        if (rows.Count == 0)
        {
            throw new DomainException("文件中没有数据行（表头下方一行一个禁入主体）。");
        }
        return rows;
    }

    private static ParsedRow ReadRow(int r, IXLCell[] cells)
    {
        var errors = new List<string>();
        var codeText = cells[0].GetFormattedString().Trim();
        CreditCode? code = null;
        if (CreditCode.TryParse(codeText, out var parsed, out var codeError))
        {
            code = parsed;
        }
        else
        {
            errors.Add($"统一社会信用代码“{codeText}”无效：{codeError}");
        }
        var scope = cells[2].GetFormattedString().Trim();
        var types = new List<TradeType>();
        if (scope != AllScope)
        {
            foreach (var name in scope.Split(['、', ',', '，', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var type = TradeTypeNames.All.Where(t => t.Chinese() == name).Select(t => (TradeType?)t).FirstOrDefault();
                if (type is null)
                {
                    errors.Add($"禁入范围“{name}”无法识别，应为“{AllScope}”或交易类型名称。");
                }
                else
                {
                    types.Add(type.Value);
                }
            }
            if (types.Count == 0 && errors.Count == 0)
            {
                errors.Add($"请填写禁入范围（“{AllScope}”或交易类型名称）。");
            }
        }
        var from = ReadDate(cells[3]);
        if (from is null)
        {
            errors.Add($"开始日期“{cells[3].GetFormattedString().Trim()}”无法识别，请填写日期或 yyyy-MM-dd 格式的文本。");
        }
        var to = ReadDate(cells[4]);
        if (to is null)
        {
            errors.Add($"结束日期“{cells[4].GetFormattedString().Trim()}”无法识别，请填写日期或 yyyy-MM-dd 格式的文本。");
        }
        if (from is not null && to is not null && to < from)
        {
            errors.Add($"结束日期 {ChinaTime.FormatDate(to.Value)} 早于开始日期 {ChinaTime.FormatDate(from.Value)}。");
        }
        var listName = cells[1].GetFormattedString().Trim();
        var reason = cells[5].GetFormattedString().Trim();
        if (listName.Length < 2)
        {
            errors.Add("请填写名单名称。");
        }
        if (reason.Length < 2)
        {
            errors.Add("请填写事由。");
        }
        var document = cells[6].GetFormattedString().Trim();
        return new ParsedRow(r, code, listName, types, from, to, reason, document.Length == 0 ? null : document, errors);
    }

    private static DateOnly? ReadDate(IXLCell cell)
    {
        if (cell.DataType == XLDataType.DateTime)
        {
            return DateOnly.FromDateTime(cell.GetDateTime());
        }
        return DateOnly.TryParseExact(cell.GetString().Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
    }

    private static DomainException TooLarge() => new($"文件超过 {MaxImportBytes / 1024 / 1024} MB，无法导入，请分批导入。");

    private static async Task RequireEntityAsync(TradeDbContext db, Guid entityId, CancellationToken cancellationToken)
    {
        if (!await db.MarketEntities.AnyAsync(e => e.Id == entityId, cancellationToken))
        {
            throw new DomainException("市场主体不存在。");
        }
    }
}
