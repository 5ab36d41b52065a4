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

public sealed record BanImportResult(int Imported, IReadOnlyList<ImportRowError> Errors) : ImportResult(Errors)
{
    public override string Summary => $"已导入 {Imported} 条禁入。";
}

/// <summary>
/// Supervisors (and the Admin) keep credit records and ban lists: one entry at a time, or a whole list
/// (失信被执行人, 重大税收违法失信主体 …) imported from Excel by credit code, all rows or none.
/// </summary>
public sealed class CreditAdministration(IDbContextFactory<TradeDbContext> contexts, ICurrentUser currentUser, TimeProvider time,
    IMarketEntityDirectory entities, ExcelImport? imports = null)
{
    public const long MaxImportBytes = 2 * 1024 * 1024;

    /// <summary>Ban lists (失信被执行人 …) can be long: the platform's own row limit (<see cref="ImportSettings.MaxRows"/>) applies.</summary>
    public const int MaxImportRows = int.MaxValue;
    public const string XlsxContentType = HolidayAdministration.XlsxContentType;

    internal static readonly string[] KeeperRoles = [Roles.Supervisor, Roles.Admin];
    private static readonly string[] Header = ["统一社会信用代码", "名单名称", "禁入范围", "开始日期", "结束日期", "事由", "文号"];
    private const string AllScope = "全部";

    public async Task<Guid> AddRecordAsync(Guid entityId, CreditRecordForm form, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(KeeperRoles);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await RequireEntityAsync(entityId, cancellationToken);
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
        await RequireEntityAsync(entityId, cancellationToken);
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
        var rows = db.MarketBans.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var t = text.Trim();
            var matching = (await entities.SearchAsync(t, 5000, cancellationToken)).Select(e => e.Id).ToList();
            rows = CreditCode.TryParse(t, out _) ? rows.Where(b => matching.Contains(b.MarketEntityId))
                : rows.Where(b => matching.Contains(b.MarketEntityId) || b.ListName.Contains(t));
        }
        if (activeOnly)
        {
            var today = ChinaTime.DateOf(time.GetUtcNow().UtcDateTime);
            rows = rows.Where(b => b.From <= today && b.To >= today && (b.LiftedOn == null || b.LiftedOn > today));
        }
        var total = await rows.CountAsync(cancellationToken);
        var items = await rows.OrderByDescending(b => b.CreatedUtc).Page(page, pageSize).ToListAsync(cancellationToken);
        var cards = (await entities.GetManyAsync(items.Select(b => b.MarketEntityId), cancellationToken)).ToDictionary(e => e.Id);
        return new PagedResult<MarketBanRow>(items.Select(b => new MarketBanRow(b.Id, b.MarketEntityId,
            cards.TryGetValue(b.MarketEntityId, out var c) ? c.CreditCode : "", cards.TryGetValue(b.MarketEntityId, out var n) ? n.Name : "", b)).ToList(), total);
    }

    /// <summary>
    /// Imports a ban list. Every row is checked first (credit code with the rule it breaks, registered entity, dates,
    /// scope, reason); when any row fails, the result lists each and nothing is written.
    /// </summary>
    public async Task<BanImportResult> ImportBansAsync(string fileName, long? length, Stream content, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(KeeperRoles);
        var layout = new ExcelImportLayout<ParsedRow>
        {
            Header = Header,
            MaxBytes = MaxImportBytes,
            MaxRows = MaxImportRows,
            OneRowIs = "一个禁入主体",
            ReadRow = ReadRow,
        };
        var outcome = await (imports ?? ExcelImport.Default).ImportAsync(new ExcelImportFile(fileName, length, content), layout, contexts, StageBansAsync, cancellationToken);
        return outcome.Summary ?? new BanImportResult(0, outcome.Errors);
    }

    private async Task<BanImportResult> StageBansAsync(TradeDbContext db, IReadOnlyList<ImportedRow<ParsedRow>> rows, Action<ImportRowError> refuse, CancellationToken cancellationToken)
    {
        var codes = rows.Select(r => r.Value.Code).Distinct().ToList();
        var byCode = (await entities.FindByCodesAsync(codes, cancellationToken)).ToDictionary(e => e.CreditCode, e => e.Id);
        var now = time.GetUtcNow().UtcDateTime;
        var added = 0;
        foreach (var (number, row) in rows)
        {
            if (!byCode.TryGetValue(row.Code.Value, out var entityId))
            {
                refuse(new ImportRowError(number, $"统一社会信用代码 {row.Code} 未在市场主体库中登记。", Header[0]));
                continue;
            }
            try
            {
                db.MarketBans.Add(new MarketBan(entityId, row.ListName, row.Types, row.From, row.To, row.Reason, row.DocumentNumber, currentUser.ActorName(), now));
                added++;
            }
            catch (DomainException e)
            {
                refuse(new ImportRowError(number, e.Message));
            }
        }
        return new BanImportResult(added, []);
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

    private sealed record ParsedRow(CreditCode Code, string ListName, List<TradeType> Types, DateOnly From, DateOnly To, string Reason, string? DocumentNumber);

    private static ParsedRow? ReadRow(ExcelRow cells, RowProblems problems)
    {
        var codeText = cells[0].Trimmed;
        CreditCode? code = null;
        if (CreditCode.TryParse(codeText, out var parsed, out var codeError))
        {
            code = parsed;
        }
        else
        {
            problems.Add($"统一社会信用代码“{codeText}”无效：{codeError}", Header[0]);
        }
        var scope = cells[2].Trimmed;
        var types = new List<TradeType>();
        if (scope != AllScope)
        {
            var before = problems.Count;
            foreach (var name in scope.Split(['、', ',', '，', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var type = TradeTypeNames.All.Where(t => t.Chinese() == name).Select(t => (TradeType?)t).FirstOrDefault();
                if (type is null)
                {
                    problems.Add($"禁入范围“{name}”无法识别，应为“{AllScope}”或交易类型名称。", Header[2]);
                }
                else
                {
                    types.Add(type.Value);
                }
            }
            if (types.Count == 0 && problems.Count == before)
            {
                problems.Add($"请填写禁入范围（“{AllScope}”或交易类型名称）。", Header[2]);
            }
        }
        var from = ReadDate(cells[3]);
        if (from is null)
        {
            problems.Add($"开始日期“{cells[3].Trimmed}”无法识别，请填写日期或 yyyy-MM-dd 格式的文本。", Header[3]);
        }
        var to = ReadDate(cells[4]);
        if (to is null)
        {
            problems.Add($"结束日期“{cells[4].Trimmed}”无法识别，请填写日期或 yyyy-MM-dd 格式的文本。", Header[4]);
        }
        if (from is not null && to is not null && to < from)
        {
            problems.Add($"结束日期 {ChinaTime.FormatDate(to.Value)} 早于开始日期 {ChinaTime.FormatDate(from.Value)}。", Header[4]);
        }
        var listName = cells[1].Trimmed;
        var reason = cells[5].Trimmed;
        if (listName.Length < 2)
        {
            problems.Add("请填写名单名称。", Header[1]);
        }
        if (reason.Length < 2)
        {
            problems.Add("请填写事由。", Header[5]);
        }
        var document = cells[6].Trimmed;
        return problems.Count > 0 || code is null || from is null || to is null
            ? null
            : new ParsedRow(code.Value, listName, types, from.Value, to.Value, reason, document.Length == 0 ? null : document);
    }

    private static DateOnly? ReadDate(ExcelCell cell) =>
        cell.Date ?? (DateOnly.TryParseExact(cell.Trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null);

    private async Task RequireEntityAsync(Guid entityId, CancellationToken cancellationToken)
    {
        if ((await entities.GetManyAsync([entityId], cancellationToken)).Count == 0)
        {
            throw new DomainException("市场主体不存在。");
        }
    }
}
