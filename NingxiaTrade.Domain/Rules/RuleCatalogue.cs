using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Data;

namespace NingxiaTrade.Domain.Rules;

/// <summary>
/// One published version of the rule catalogue (规则目录, e.g. 2016年第一版). Its entries are a snapshot of the
/// rules as published, so an earlier version reads as it was even after the rules change.
/// </summary>
public class CatalogueVersion
{
    private readonly List<CatalogueEntry> _entries = [];

    private CatalogueVersion() { }

    internal CatalogueVersion(string name, int number, DateOnly effectiveOn, string publishedBy, DateTime nowUtc, IEnumerable<CatalogueEntry> entries)
    {
        name = name?.Trim() ?? "";
        if (name.Length is < 2 or > 50)
        {
            throw new DomainException("目录版本名称应为2至50个字符，如“2016年第一版”。");
        }
        Id = Guid.NewGuid();
        Name = name;
        Number = number;
        EffectiveOn = effectiveOn;
        PublishedBy = publishedBy;
        PublishedUtc = nowUtc;
        var sequence = 1;
        foreach (var entry in entries)
        {
            entry.Attach(Id, sequence++);
            _entries.Add(entry);
        }
        if (_entries.Count == 0)
        {
            throw new DomainException("没有审核通过（保留或修改）的规则，不能发布目录。");
        }
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>1 for the first version published, then 2, …</summary>
    public int Number { get; private set; }
    /// <summary>The version is the catalogue in force from this date until a later version takes effect.</summary>
    public DateOnly EffectiveOn { get; private set; }
    public string PublishedBy { get; private set; } = "";
    public DateTime PublishedUtc { get; private set; }
    public IReadOnlyList<CatalogueEntry> Entries => _entries;
}

/// <summary>A rule as a catalogue version lists it.</summary>
public class CatalogueEntry
{
    private CatalogueEntry() { }

    internal CatalogueEntry(Rule rule, string departmentName)
    {
        RuleId = rule.Id;
        Title = rule.Title;
        DocumentNumber = rule.DocumentNumber;
        IssuingBody = rule.IssuingBody;
        Level = rule.Level;
        TradeTypes = rule.TradeTypes.ToList();
        IssuedOn = rule.IssuedOn;
        StartsOn = rule.StartsOn;
        ExpiresOn = rule.ExpiresOn;
        IsTemporary = rule.IsTemporary;
        DepartmentName = departmentName;
    }

    public Guid CatalogueVersionId { get; private set; }
    public Guid RuleId { get; private set; }
    /// <summary>序号 in the version.</summary>
    public int Sequence { get; private set; }
    public string Title { get; private set; } = "";
    public string? DocumentNumber { get; private set; }
    public string IssuingBody { get; private set; } = "";
    public RuleLevel Level { get; private set; }
    public List<TradeType> TradeTypes { get; private set; } = [];
    public DateOnly? IssuedOn { get; private set; }
    /// <summary>施行日期 (or the issue date when that is not known).</summary>
    public DateOnly? StartsOn { get; private set; }
    public DateOnly? ExpiresOn { get; private set; }
    public bool IsTemporary { get; private set; }
    /// <summary>报送单位.</summary>
    public string DepartmentName { get; private set; } = "";

    internal void Attach(Guid versionId, int sequence)
    {
        CatalogueVersionId = versionId;
        Sequence = sequence;
    }

    public bool InForceOn(DateOnly date) => Rule.InForce(StartsOn, ExpiresOn, date);

    /// <summary>The fields that differ from <paramref name="earlier"/>, in Chinese (文号, 有效期至 …).</summary>
    public IReadOnlyList<string> DifferencesFrom(CatalogueEntry earlier)
    {
        var changes = new List<string>();
        void Compare(string field, string? before, string? after)
        {
            if (before != after)
            {
                changes.Add($"{field}：{(string.IsNullOrEmpty(before) ? "（空）" : before)} → {(string.IsNullOrEmpty(after) ? "（空）" : after)}");
            }
        }
        Compare("文件名称", earlier.Title, Title);
        Compare("文号", earlier.DocumentNumber, DocumentNumber);
        Compare("制定机关", earlier.IssuingBody, IssuingBody);
        Compare("效力层级", earlier.Level.Chinese(), Level.Chinese());
        Compare("适用交易类型", string.Join("、", earlier.TradeTypes.Select(t => t.Chinese())), string.Join("、", TradeTypes.Select(t => t.Chinese())));
        Compare("施行日期", Format(earlier.StartsOn), Format(StartsOn));
        Compare("有效期至", Format(earlier.ExpiresOn), Format(ExpiresOn));
        return changes;
    }

    internal static string? Format(DateOnly? date) => date is { } d ? ChinaTime.FormatDate(d) : null;
}

/// <summary>A version for lists.</summary>
public sealed record CatalogueVersionSummary(Guid Id, string Name, int Number, DateOnly EffectiveOn, DateTime PublishedUtc, string PublishedBy, int RuleCount);

/// <summary>An entry that changed between two versions, with what changed.</summary>
public sealed record CatalogueChange(CatalogueEntry Before, CatalogueEntry After, IReadOnlyList<string> Differences);

/// <summary>The change report between two versions.</summary>
public sealed record CatalogueComparison(CatalogueVersionSummary From, CatalogueVersionSummary To,
    IReadOnlyList<CatalogueEntry> Added, IReadOnlyList<CatalogueEntry> Removed, IReadOnlyList<CatalogueChange> Changed);

/// <summary>What an alert is about.</summary>
public enum RuleAlertKind
{
    /// <summary>暂行/试行 past its term.</summary>
    TemporaryPastTerm = 1,
    /// <summary>Past its term (not temporary).</summary>
    Expired = 2,
    /// <summary>Term ends within <see cref="RuleCatalogue.ExpiryWarningDays"/> days.</summary>
    ExpiringSoon = 3,
}

public sealed record RuleAlert(Guid RuleId, string Title, string? DocumentNumber, DateOnly ExpiresOn, RuleAlertKind Kind)
{
    public string Chinese => Kind switch
    {
        RuleAlertKind.TemporaryPastTerm => $"暂行（试行）规则已于 {ChinaTime.FormatDate(ExpiresOn)} 期满，请及时清理",
        RuleAlertKind.Expired => $"已于 {ChinaTime.FormatDate(ExpiresOn)} 超过有效期",
        RuleAlertKind.ExpiringSoon => $"将于 {ChinaTime.FormatDate(ExpiresOn)} 到期",
    };
}

/// <summary>
/// The rule catalogue (四(一)2: 未列入清单目录的，一律不得作为行政监督依据). The legal office publishes versions from
/// the rules that passed the review with a keep or amend proposal; every version stays readable; other modules ask
/// <see cref="IsCitableAsync"/> before citing a rule as the basis of a supervision action or a rejection.
/// Reading the catalogue needs no account: it is public.
/// </summary>
public sealed class RuleCatalogue(IDbContextFactory<TradeDbContext> contexts, ICurrentUser currentUser, TimeProvider time)
{
    /// <summary>A rule whose term ends within this many days raises an alert.</summary>
    public const int ExpiryWarningDays = 90;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Today in China.</summary>
    public DateOnly Today => ChinaTime.DateOf(Now);

    /// <summary>
    /// The legal office publishes a version of every rule that passed the review with a keep or amend proposal, in
    /// force from <paramref name="effectiveOn"/> (not earlier than the version in force before it).
    /// </summary>
    public async Task<Guid> PublishAsync(string name, DateOnly effectiveOn, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.LegalOfficer);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var trimmed = name?.Trim() ?? "";
        if (await db.CatalogueVersions.AnyAsync(v => v.Name == trimmed, cancellationToken))
        {
            throw new DomainException($"目录版本“{trimmed}”已发布，请使用新的版本名称。");
        }
        var latest = await db.CatalogueVersions.OrderByDescending(v => v.Number).Select(v => new { v.Number, v.EffectiveOn, v.Name }).FirstOrDefaultAsync(cancellationToken);
        if (latest is not null && effectiveOn < latest.EffectiveOn)
        {
            throw new DomainException($"施行日期不能早于上一版本“{latest.Name}”的施行日期 {ChinaTime.FormatDate(latest.EffectiveOn)}。");
        }
        var departments = await db.SupervisingDepartments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.ShortName, cancellationToken);
        var rules = await db.Rules.AsNoTracking().Where(r => r.Status == RuleStatus.Passed).ToListAsync(cancellationToken);
        var entries = rules
            .OrderBy(r => r.Level).ThenBy(r => r.IssuedOn ?? r.EffectiveOn ?? DateOnly.MaxValue).ThenBy(r => r.Title, StringComparer.Ordinal)
            .Select(r => new CatalogueEntry(r, departments.GetValueOrDefault(r.DepartmentId, "")));
        var version = new CatalogueVersion(trimmed, (latest?.Number ?? 0) + 1, effectiveOn, currentUser.ActorName(), Now, entries);
        db.CatalogueVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken);
        return version.Id;
    }

    /// <summary>Every published version, newest first.</summary>
    public async Task<IReadOnlyList<CatalogueVersionSummary>> VersionsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var list = await db.CatalogueVersions.AsNoTracking()
            .Select(v => new CatalogueVersionSummary(v.Id, v.Name, v.Number, v.EffectiveOn, v.PublishedUtc, v.PublishedBy, v.Entries.Count))
            .ToListAsync(cancellationToken);
        return list.OrderByDescending(v => v.Number).ToList();
    }

    /// <summary>One version with its entries in 序号 order.</summary>
    public async Task<CatalogueVersion> GetAsync(Guid versionId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await LoadAsync(db, versionId, cancellationToken) ?? throw new DomainException("找不到该目录版本。");
    }

    /// <summary>The version in force on <paramref name="date"/>: the latest to take effect on or before it; null before the first.</summary>
    public async Task<CatalogueVersion?> InForceAsync(DateOnly date, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await InForceAsync(db, date, cancellationToken);
    }

    /// <summary>
    /// The rules of the catalogue in force today, as the public portal and <c>GET /api/public/rules</c> show them:
    /// the entries of that version that are themselves in force today (a 暂行 rule past its term is not current,
    /// whatever version lists it), less any rule repealed or declared void since it was published.
    /// </summary>
    public async Task<(CatalogueVersion? Version, IReadOnlyList<CatalogueEntry> Entries)> PublicAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var today = Today;
        var version = await InForceAsync(db, today, cancellationToken);
        if (version is null)
        {
            return (null, []);
        }
        var revoked = await RevokedOnAsync(db, version.Entries.Select(e => e.RuleId).ToList(), cancellationToken);
        return (version, version.Entries
            .Where(e => e.InForceOn(today) && !(revoked.TryGetValue(e.RuleId, out var on) && on <= today))
            .OrderBy(e => e.Sequence).ToList());
    }

    /// <summary>
    /// Whether a rule may be cited on <paramref name="date"/> as the basis of a supervision action or a rejection
    /// (四(一)2): it is listed in the catalogue version in force on that date, is itself in force on that date
    /// (effective on or before it, and no expiry or expiry on or after it, as the catalogue lists it), and had not
    /// been repealed or declared void by then.
    /// </summary>
    public async Task<bool> IsCitableAsync(Guid ruleId, DateOnly date, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var version = await db.CatalogueVersions.AsNoTracking()
            .Where(v => v.EffectiveOn <= date)
            .OrderByDescending(v => v.EffectiveOn).ThenByDescending(v => v.Number)
            .Select(v => v.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (version == Guid.Empty)
        {
            return false;
        }
        var entry = await db.CatalogueEntries.AsNoTracking().FirstOrDefaultAsync(e => e.CatalogueVersionId == version && e.RuleId == ruleId, cancellationToken);
        if (entry is null || !entry.InForceOn(date))
        {
            return false;
        }
        var revoked = await RevokedOnAsync(db, [ruleId], cancellationToken);
        return !(revoked.TryGetValue(ruleId, out var on) && on <= date);
    }

    /// <summary>What was added, removed and changed from one version to another.</summary>
    public async Task<CatalogueComparison> CompareAsync(Guid fromId, Guid toId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var from = await LoadAsync(db, fromId, cancellationToken) ?? throw new DomainException("找不到对比的原版本。");
        var to = await LoadAsync(db, toId, cancellationToken) ?? throw new DomainException("找不到对比的新版本。");
        var before = from.Entries.ToDictionary(e => e.RuleId);
        var after = to.Entries.ToDictionary(e => e.RuleId);
        var added = to.Entries.Where(e => !before.ContainsKey(e.RuleId)).OrderBy(e => e.Sequence).ToList();
        var removed = from.Entries.Where(e => !after.ContainsKey(e.RuleId)).OrderBy(e => e.Sequence).ToList();
        var changed = to.Entries.Where(e => before.ContainsKey(e.RuleId))
            .Select(e => new CatalogueChange(before[e.RuleId], e, e.DifferencesFrom(before[e.RuleId])))
            .Where(c => c.Differences.Count > 0)
            .ToList();
        return new CatalogueComparison(Summary(from), Summary(to), added, removed, changed);
    }

    /// <summary>
    /// Alerts for the legal office: temporary rules past their term, other rules past their term, and rules whose
    /// term ends within <see cref="ExpiryWarningDays"/> days — among rules still under review or passed.
    /// </summary>
    public async Task<IReadOnlyList<RuleAlert>> AlertsAsync(CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.LegalOfficer, Roles.Admin, Roles.Supervisor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var today = Today;
        var horizon = today.AddDays(ExpiryWarningDays);
        var rules = await db.Rules.AsNoTracking()
            .Where(r => (r.Status == RuleStatus.Passed || r.Status == RuleStatus.UnderReview) && r.ExpiresOn != null && r.ExpiresOn <= horizon)
            .Select(r => new { r.Id, r.Title, r.DocumentNumber, r.ExpiresOn, r.IsTemporary })
            .ToListAsync(cancellationToken);
        return rules
            .Select(r => new RuleAlert(r.Id, r.Title, r.DocumentNumber, r.ExpiresOn!.Value, AlertKind(r.IsTemporary, r.ExpiresOn, today)!.Value))
            .OrderBy(a => a.Kind).ThenBy(a => a.ExpiresOn)
            .ToList();
    }

    /// <summary>The alert a rule with this term raises on <paramref name="today"/>, if any.</summary>
    public static RuleAlertKind? AlertKind(bool isTemporary, DateOnly? expiresOn, DateOnly today) => expiresOn switch
    {
        null => null,
        { } e when e < today => isTemporary ? RuleAlertKind.TemporaryPastTerm : RuleAlertKind.Expired,
        { } e when e <= today.AddDays(ExpiryWarningDays) => RuleAlertKind.ExpiringSoon,
        _ => null,
    };

    /// <summary>
    /// A version as a government catalogue: a title row merged across, a two-row merged header (有效期 over 施行日期 and
    /// 有效期至), the rules grouped by level with continuous 序号, borders and set column widths.
    /// </summary>
    public async Task ExportAsync(Guid versionId, Stream output, CancellationToken cancellationToken = default)
    {
        var version = await GetAsync(versionId, cancellationToken);
        CatalogueWorkbook.Write(version, output);
    }

    private static async Task<CatalogueVersion?> LoadAsync(TradeDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var version = await db.CatalogueVersions.AsNoTracking().Include(v => v.Entries).FirstOrDefaultAsync(v => v.Id == id, cancellationToken);
        return version;
    }

    private static async Task<CatalogueVersion?> InForceAsync(TradeDbContext db, DateOnly date, CancellationToken cancellationToken)
    {
        var id = await db.CatalogueVersions.AsNoTracking()
            .Where(v => v.EffectiveOn <= date)
            .OrderByDescending(v => v.EffectiveOn).ThenByDescending(v => v.Number)
            .Select(v => v.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return id == Guid.Empty ? null : await LoadAsync(db, id, cancellationToken);
    }

    /// <summary>For each rule repealed or declared void, the China date of that decision.</summary>
    private static async Task<Dictionary<Guid, DateOnly>> RevokedOnAsync(TradeDbContext db, List<Guid> ruleIds, CancellationToken cancellationToken)
    {
        var decisions = await db.RuleReviews.AsNoTracking()
            .Where(v => ruleIds.Contains(v.RuleId) && (v.Proposal == RuleProposal.Repeal || v.Proposal == RuleProposal.DeclareVoid)
                && v.Legality != null && v.Legality.Decision != LegalityDecision.Return)
            .Select(v => new { v.RuleId, v.Legality!.DecidedUtc })
            .ToListAsync(cancellationToken);
        return decisions.GroupBy(d => d.RuleId).ToDictionary(g => g.Key, g => g.Min(d => ChinaTime.DateOf(d.DecidedUtc)));
    }

    private static CatalogueVersionSummary Summary(CatalogueVersion v) =>
        new(v.Id, v.Name, v.Number, v.EffectiveOn, v.PublishedUtc, v.PublishedBy, v.Entries.Count);
}

/// <summary>The catalogue's Excel layout.</summary>
internal static class CatalogueWorkbook
{
    private static readonly string[] ChineseNumbers = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
    private const int Columns = 10;

    public static void Write(CatalogueVersion version, Stream output)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("规则目录");
        sheet.Style.Font.FontName = "宋体";
        sheet.Style.Font.FontSize = 11;

        var title = sheet.Range(1, 1, 1, Columns).Merge();
        title.FirstCell().SetValue("宁夏回族自治区公共资源交易规章制度清单目录");
        title.Style.Font.FontSize = 18;
        title.Style.Font.Bold = true;
        title.Style.Font.FontName = "方正小标宋简体";
        title.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        title.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        sheet.Row(1).Height = 36;

        var subtitle = sheet.Range(2, 1, 2, Columns).Merge();
        subtitle.FirstCell().SetValue($"（{version.Name}）");
        subtitle.Style.Font.FontSize = 14;
        subtitle.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        sheet.Row(2).Height = 22;

        var info = sheet.Range(3, 1, 3, Columns).Merge();
        info.FirstCell().SetValue($"发布日期：{ChinaTime.DateOf(version.PublishedUtc):yyyy年M月d日}    施行日期：{version.EffectiveOn:yyyy年M月d日}    共 {version.Entries.Count} 件");
        info.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;

        string[] top = ["序号", "文件名称", "文号", "制定机关", "效力层级", "适用交易类型", "有效期", "", "报送单位", "备注"];
        for (var c = 1; c <= Columns; c++)
        {
            sheet.Cell(4, c).SetValue(top[c - 1]);
            if (c is not (7 or 8))
            {
                sheet.Range(4, c, 5, c).Merge();
            }
        }
        sheet.Range(4, 7, 4, 8).Merge();
        sheet.Cell(5, 7).SetValue("施行日期");
        sheet.Cell(5, 8).SetValue("有效期至");
        var header = sheet.Range(4, 1, 5, Columns);
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = XLColor.FromHtml("#D9E1F2");
        header.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        header.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;

        var row = 6;
        var group = 0;
        foreach (var level in version.Entries.GroupBy(e => e.Level).OrderBy(g => g.Key))
        {
            var section = sheet.Range(row, 1, row, Columns).Merge();
            section.FirstCell().SetValue($"{ChineseNumbers[group++ % ChineseNumbers.Length]}、{level.Key.Chinese()}（{level.Count()}件）");
            section.Style.Font.Bold = true;
            section.Style.Fill.BackgroundColor = XLColor.FromHtml("#F2F2F2");
            row++;
            foreach (var entry in level.OrderBy(e => e.Sequence))
            {
                sheet.Cell(row, 1).SetValue(entry.Sequence);
                sheet.Cell(row, 2).SetValue(entry.Title);
                sheet.Cell(row, 3).SetValue(entry.DocumentNumber ?? "");
                sheet.Cell(row, 4).SetValue(entry.IssuingBody);
                sheet.Cell(row, 5).SetValue(entry.Level.Chinese());
                sheet.Cell(row, 6).SetValue(string.Join("、", entry.TradeTypes.Select(t => t.Chinese())));
                sheet.Cell(row, 7).SetValue(CatalogueEntry.Format(entry.StartsOn) ?? "");
                sheet.Cell(row, 8).SetValue(CatalogueEntry.Format(entry.ExpiresOn) ?? "长期有效");
                sheet.Cell(row, 9).SetValue(entry.DepartmentName);
                sheet.Cell(row, 10).SetValue(entry.IsTemporary ? "暂行/试行" : "");
                sheet.Cell(row, 1).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
                sheet.Range(row, 5, row, 8).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
                row++;
            }
        }
        var table = sheet.Range(4, 1, row - 1, Columns);
        table.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        table.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
        table.Style.Alignment.WrapText = true;
        table.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;

        // Widths by hand: AdjustToContents needs libgdiplus on Linux and is slow.
        double[] widths = [6, 44, 22, 26, 11, 24, 12, 12, 16, 10];
        for (var c = 0; c < widths.Length; c++)
        {
            sheet.Column(c + 1).Width = widths[c];
        }
        sheet.SheetView.FreezeRows(5);
        sheet.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        sheet.PageSetup.PaperSize = XLPaperSize.A4Paper;
        sheet.PageSetup.FitToPages(1, 0);
        sheet.PageSetup.SetRowsToRepeatAtTop(4, 5);
        sheet.PageSetup.CenterHorizontally = true;
        workbook.SaveAs(output);
    }
}
