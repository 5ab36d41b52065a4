using System.Reflection;
using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Calendar;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Data;

namespace NingxiaTrade.Domain.Experts;

public sealed record ExpertQuery(string? Search = null, string? RegionCode = null, string? SpecialtyCode = null, ExpertStatus? Status = null,
    int Page = 0, int PageSize = 20);

public sealed record ExpertRow(Guid Id, string Name, string MaskedIdNumber, string Title, string EmployerName, string RegionCode,
    ExpertStatus Status, int CreditScore, string Specialties);

public sealed record ExpertImportResult(int Added, IReadOnlyList<ImportRowError> Errors) : ImportResult(Errors)
{
    public override string Summary => $"已导入 {Added} 位专家。";
}

public sealed record PoolStatistic(string SpecialtyCode, string SpecialtyName, string RegionCode, int Active);

public sealed record ShortageWarning(string SpecialtyCode, string SpecialtyName, int Eligible, int RecentlyNeeded);

/// <summary>
/// 专家库: the specialty tree, applications and their review, the clerk's maintenance and Excel import, and pool
/// statistics. One pool for the region and its cities (实施方案 四(五)1).
/// </summary>
public sealed class ExpertPool(IDbContextFactory<TradeDbContext> contexts, ICurrentUser user, TimeProvider time, MarketEntities.IMarketEntityDirectory entities,
    ExcelImport? imports = null)
{
    public const long MaxImportBytes = 2 * 1024 * 1024;
    public const int MaxImportRows = 2000;
    public static readonly string[] ImportHeader = ["姓名", "身份证号码", "职称", "工作单位", "所在市", "专业代码", "联系电话"];

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Adds the classes of the 2018 standard that are missing (an Admin's edits are kept).</summary>
    public static async Task SeedSpecialtiesAsync(TradeDbContext db, CancellationToken cancellationToken = default)
    {
        var have = await db.Specialties.Select(s => s.Code).ToListAsync(cancellationToken);
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("NingxiaTrade.Domain.Experts.expert-specialties-2018.csv")!;
        using var reader = new StreamReader(stream);
        await reader.ReadLineAsync(cancellationToken);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            var parts = line.Split(',');
            if (parts.Length >= 2 && !have.Contains(parts[0]))
            {
                db.Specialties.Add(new Specialty(parts[0], parts[1], parts.Length > 2 && parts[2].Length > 0 ? parts[2] : null));
                have.Add(parts[0]);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The expert's specialties as people read them: 房屋建筑（A0301）、….</summary>
    public async Task<string> SpecialtyLabelsAsync(IEnumerable<string> codes, CancellationToken cancellationToken = default)
    {
        var list = codes.ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return Specialty.Labels(list, await SpecialtyNamesAsync(db, list, cancellationToken));
    }

    private static async Task<Dictionary<string, string>> SpecialtyNamesAsync(TradeDbContext db, IEnumerable<string> codes, CancellationToken cancellationToken)
    {
        var wanted = codes.Distinct().ToList();
        return await db.Specialties.AsNoTracking().Where(s => wanted.Contains(s.Code)).ToDictionaryAsync(s => s.Code, s => s.Name, cancellationToken);
    }

    public async Task<IReadOnlyList<Specialty>> SpecialtiesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Specialties.AsNoTracking().OrderBy(s => s.Code).ToListAsync(cancellationToken);
    }

    /// <summary>The Admin adds a class or renames one.</summary>
    public async Task SaveSpecialtyAsync(string code, string name, string? parentCode, CancellationToken cancellationToken = default)
    {
        user.Demand(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        code = code?.Trim().ToUpperInvariant() ?? "";
        var existing = await db.Specialties.FindAsync([code], cancellationToken);
        if (existing is not null)
        {
            existing.Rename(name);
        }
        else
        {
            if (parentCode is not null && !await db.Specialties.AnyAsync(s => s.Code == parentCode, cancellationToken))
            {
                throw new DomainException($"上级专业“{parentCode}”不存在。");
            }
            db.Specialties.Add(new Specialty(code, name, parentCode));
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<PagedResult<ExpertRow>> ListAsync(ExpertQuery query, CancellationToken cancellationToken = default)
    {
        user.Demand(Roles.CentreClerk, Roles.Supervisor, Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var experts = db.Experts.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var s = query.Search.Trim();
            experts = experts.Where(e => e.Name.Contains(s) || e.EmployerName.Contains(s));
        }
        if (!string.IsNullOrEmpty(query.RegionCode))
        {
            experts = experts.Where(e => e.RegionCode == query.RegionCode);
        }
        if (query.Status is { } status)
        {
            experts = experts.Where(e => e.Status == status);
        }
        if (!string.IsNullOrEmpty(query.SpecialtyCode))
        {
            var code = query.SpecialtyCode;
            experts = experts.Where(e => e.Specialties.Any(x => x.Code.StartsWith(code)));
        }
        var total = await experts.CountAsync(cancellationToken);
        var page = await experts.OrderBy(e => e.Name).ThenBy(e => e.Id).Page(query.Page, query.PageSize)
            .Select(e => new { e.Id, e.Name, e.IdNumber, e.Title, e.EmployerName, e.RegionCode, e.Status, e.CreditScore, Codes = e.Specialties.Select(x => x.Code).ToList() })
            .ToListAsync(cancellationToken);
        var names = await SpecialtyNamesAsync(db, page.SelectMany(e => e.Codes), cancellationToken);
        return new PagedResult<ExpertRow>(page.Select(e => new ExpertRow(e.Id, e.Name, e.IdNumber.Masked, e.Title, e.EmployerName, e.RegionCode,
            e.Status, e.CreditScore, Specialty.Labels(e.Codes, names))).ToList(), total);
    }

    public async Task<Expert> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        user.Demand(Roles.CentreClerk, Roles.Supervisor, Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Experts.AsNoTracking().Include(e => e.Specialties).Include(e => e.Leaves).Include(e => e.Trainings).Include(e => e.Conflicts)
            .Include(e => e.Employments).AsSplitQuery().SingleOrDefaultAsync(e => e.Id == id, cancellationToken) ?? throw new DomainException("未找到该专家。");
    }

    /// <summary>Names of registered entities (declared conflicts, employers), for display.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> EntityNamesAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken = default)
    {
        user.Demand(Roles.CentreClerk, Roles.Supervisor, Roles.Admin);
        return (await entities.GetManyAsync(ids, cancellationToken)).ToDictionary(e => e.Id, e => e.Name);
    }

    /// <summary>Approved entities a clerk can pick as a declared conflict.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> EntityChoicesAsync(CancellationToken cancellationToken = default)
    {
        user.Demand(Roles.CentreClerk);
        return (await entities.ApprovedAsync(500, cancellationToken)).Select(r => (r.Id, r.Name)).ToList();
    }

    /// <summary>A clerk enters an expert directly into the pool (在库).</summary>
    public async Task<Guid> AddAsync(ExpertProfile profile, CancellationToken cancellationToken = default)
    {
        user.Demand(Roles.CentreClerk);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var expert = new Expert(profile, ExpertStatus.Active, Now);
        await CheckAsync(db, expert, cancellationToken);
        db.Experts.Add(expert);
        await db.SaveChangesAsync(cancellationToken);
        return expert.Id;
    }

    /// <summary>The signed-in expert's own record (application or pool entry), if any.</summary>
    public async Task<Expert?> MineAsync(CancellationToken cancellationToken = default)
    {
        user.Demand(Roles.Expert);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var id = await db.Users.Where(u => u.Id == user.UserId).Select(u => u.ExpertId).SingleOrDefaultAsync(cancellationToken);
        return id is null ? null : await db.Experts.AsNoTracking().Include(e => e.Specialties).Include(e => e.Employments).AsSplitQuery()
            .SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
    }

    /// <summary>On-line application by an expert's own account; a clerk reviews it.</summary>
    public async Task<Guid> ApplyAsync(ExpertProfile profile, CancellationToken cancellationToken = default)
    {
        user.Demand(Roles.Expert);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var account = await db.Users.SingleAsync(u => u.Id == user.UserId, cancellationToken);
        if (account.ExpertId is not null)
        {
            throw new DomainException("您已提交过入库申请。");
        }
        var expert = new Expert(profile, ExpertStatus.Pending, Now);
        expert.LinkAccount(account.Id);
        await CheckAsync(db, expert, cancellationToken);
        db.Experts.Add(expert);
        account.ExpertId = expert.Id;
        await db.SaveChangesAsync(cancellationToken);
        return expert.Id;
    }

    public async Task ReviewAsync(Guid id, bool approve, string? note, CancellationToken cancellationToken = default)
    {
        user.Demand(Roles.CentreClerk);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var expert = await db.Experts.SingleOrDefaultAsync(e => e.Id == id, cancellationToken) ?? throw new DomainException("未找到该专家。");
        if (approve)
        {
            expert.Approve(note);
        }
        else
        {
            expert.Reject(note ?? "");
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task ChangeStatusAsync(Guid id, ExpertStatus status, string reason, CancellationToken cancellationToken = default) =>
        await EditAsync(id, e => e.ChangeStatus(status, reason), cancellationToken);

    public async Task AddLeaveAsync(Guid id, DateTime fromUtc, DateTime toUtc, string? reason, CancellationToken cancellationToken = default) =>
        await EditAsync(id, e => e.AddLeave(fromUtc, toUtc, reason), cancellationToken);

    public async Task AddTrainingAsync(Guid id, DateOnly date, string course, int hours, CancellationToken cancellationToken = default) =>
        await EditAsync(id, e => e.AddTraining(date, course, hours), cancellationToken);

    public async Task DeclareConflictAsync(Guid id, Guid entityId, string? note, CancellationToken cancellationToken = default) =>
        await EditAsync(id, e => e.DeclareConflict(entityId, note), cancellationToken);

    /// <summary>A clerk records an employment of the expert's history (任职经历).</summary>
    public async Task AddEmploymentAsync(Guid id, EmploymentForm form, CancellationToken cancellationToken = default) =>
        await EditAsync(id, e => e.AddEmployment(form), cancellationToken);

    public async Task RemoveEmploymentAsync(Guid id, int employmentId, CancellationToken cancellationToken = default) =>
        await EditAsync(id, e => e.RemoveEmployment(employmentId), cancellationToken);

    /// <summary>The signed-in expert records an employment in their own application or pool entry.</summary>
    public async Task AddMyEmploymentAsync(EmploymentForm form, CancellationToken cancellationToken = default) =>
        await EditMineAsync(e => e.AddEmployment(form), cancellationToken);

    public async Task RemoveMyEmploymentAsync(int employmentId, CancellationToken cancellationToken = default) =>
        await EditMineAsync(e => e.RemoveEmployment(employmentId), cancellationToken);

    private async Task EditAsync(Guid id, Action<Expert> change, CancellationToken cancellationToken)
    {
        user.Demand(Roles.CentreClerk);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var expert = await db.Experts.Include(e => e.Leaves).Include(e => e.Trainings).Include(e => e.Conflicts).Include(e => e.Employments).AsSplitQuery()
            .SingleOrDefaultAsync(e => e.Id == id, cancellationToken) ?? throw new DomainException("未找到该专家。");
        change(expert);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task EditMineAsync(Action<Expert> change, CancellationToken cancellationToken)
    {
        user.Demand(Roles.Expert);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var id = await db.Users.Where(u => u.Id == user.UserId).Select(u => u.ExpertId).SingleOrDefaultAsync(cancellationToken)
            ?? throw new DomainException("请先提交专家入库申请。");
        var expert = await db.Experts.Include(e => e.Employments).SingleAsync(e => e.Id == id, cancellationToken);
        change(expert);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task CheckAsync(TradeDbContext db, Expert expert, CancellationToken cancellationToken)
    {
        if (await db.Experts.AnyAsync(e => e.IdNumber == expert.IdNumber, cancellationToken))
        {
            throw new DomainException($"身份证号码为 {expert.IdNumber.Masked} 的专家已在库中。");
        }
        var codes = expert.Specialties.Select(s => s.Code).ToList();
        var known = await db.Specialties.Where(s => codes.Contains(s.Code)).Select(s => s.Code).ToListAsync(cancellationToken);
        var unknown = codes.Except(known).ToList();
        if (unknown.Count > 0)
        {
            throw new DomainException($"专业代码“{string.Join("、", unknown)}”不存在。");
        }
    }

    /// <summary>
    /// Imports experts from an .xlsx in the layout of <see cref="ImportHeader"/> (专业代码 separated by 、 or ;). Every row is
    /// checked first; if any fails, nothing is written and each failing row is reported with its reason.
    /// </summary>
    public async Task<ExpertImportResult> ImportAsync(string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        user.Demand(Roles.CentreClerk);
        HashSet<string> codes;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            codes = (await db.Specialties.Select(s => s.Code).ToListAsync(cancellationToken)).ToHashSet();
        }
        var regionByName = Regions.Names.Where(r => r.Key != Regions.Ningxia).ToDictionary(r => r.Value, r => r.Key);
        var inFile = new Dictionary<IdNumber, int>();
        var now = Now;
        var layout = new ExcelImportLayout<Expert>
        {
            Header = ImportHeader,
            MaxBytes = MaxImportBytes,
            MaxRows = MaxImportRows,
            OneRowIs = "一位专家",
            HeaderAdvice = "请按页面说明的表头填写。",
            ReadRow = (cells, problems) =>
            {
                string Cell(int c) => cells[c].Trimmed;
                try
                {
                    if (cells[1].Kind == ExcelCellKind.Number)
                    {
                        throw new DomainException("身份证号码被 Excel 存成了数字，后几位已丢失：请将该列设为文本格式后重新填写。");
                    }
                    var region = regionByName.TryGetValue(Cell(4), out var r) ? r : Regions.IsKnown(Cell(4)) ? Cell(4) : throw new DomainException($"所在市“{Cell(4)}”不是宁夏的地级市。");
                    var specialtyCodes = Cell(5).Split(['、', ';', '；', ',', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
                    var unknown = specialtyCodes.Where(c => !codes.Contains(c.ToUpperInvariant())).ToList();
                    if (unknown.Count > 0)
                    {
                        throw new DomainException($"专业代码“{string.Join("、", unknown)}”不存在。");
                    }
                    var expert = new Expert(new ExpertProfile(Cell(0), Cell(1), Cell(2), Cell(3), null, region, specialtyCodes, Cell(6)), ExpertStatus.Active, now);
                    if (inFile.TryGetValue(expert.IdNumber, out var first))
                    {
                        throw new DomainException($"身份证号码与本文件第{first}行重复。");
                    }
                    inFile[expert.IdNumber] = cells.Number;
                    return expert;
                }
                catch (DomainException e)
                {
                    problems.Add(e.Message);
                    return null;
                }
            },
        };
        var outcome = await (imports ?? ExcelImport.Default).ImportAsync(new ExcelImportFile(fileName, null, content), layout, contexts, StageAsync, cancellationToken);
        return outcome.Summary ?? new ExpertImportResult(0, outcome.Errors);
    }

    private static async Task<ExpertImportResult> StageAsync(TradeDbContext db, IReadOnlyList<ImportedRow<Expert>> rows, Action<ImportRowError> refuse, CancellationToken cancellationToken)
    {
        var ids = rows.Select(r => r.Value.IdNumber).ToList();
        var existing = (await db.Experts.Where(e => ids.Contains(e.IdNumber)).Select(e => e.IdNumber).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var (row, expert) in rows)
        {
            if (existing.Contains(expert.IdNumber))
            {
                refuse(new ImportRowError(row, $"身份证号码 {expert.IdNumber.Masked}（{expert.Name}）的专家已在库中。", ImportHeader[1]));
            }
            else
            {
                db.Experts.Add(expert);
            }
        }
        return new ExpertImportResult(rows.Count, []);
    }

    /// <summary>在库 experts by top-two-level specialty and city.</summary>
    public async Task<IReadOnlyList<PoolStatistic>> StatisticsAsync(CancellationToken cancellationToken = default)
    {
        user.Demand(Roles.CentreClerk, Roles.Supervisor, Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await (from s in db.ExpertSpecialties
                          join e in db.Experts on s.ExpertId equals e.Id
                          where e.Status == ExpertStatus.Active
                          group e by new { Code = s.Code.Substring(0, 3), e.RegionCode } into g
                          select new { g.Key.Code, g.Key.RegionCode, Count = g.Select(x => x.Id).Distinct().Count() }).ToListAsync(cancellationToken);
        var names = await db.Specialties.ToDictionaryAsync(s => s.Code, s => s.Name, cancellationToken);
        return rows.Select(r => new PoolStatistic(r.Code, names.GetValueOrDefault(r.Code, r.Code), r.RegionCode, r.Count))
            .OrderBy(r => r.SpecialtyCode).ThenBy(r => r.RegionCode).ToList();
    }

    /// <summary>
    /// 专家总量不足 warning: specialties drawn in the last <paramref name="days"/> days whose 在库 count is below the most a
    /// recent draw needed (count + backups) times <paramref name="margin"/>.
    /// </summary>
    public async Task<IReadOnlyList<ShortageWarning>> ShortagesAsync(int days = 180, int margin = 3, CancellationToken cancellationToken = default)
    {
        user.Demand(Roles.CentreClerk, Roles.Supervisor, Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var since = Now.AddDays(-days);
        var needed = await (from g in db.DrawGroups
                            join d in db.ExpertDraws on g.DrawId equals d.Id
                            where d.CreatedUtc >= since
                            group g by new { g.SpecialtyCode, g.SpecialtyName } into x
                            select new { x.Key.SpecialtyCode, x.Key.SpecialtyName, Needed = x.Max(y => y.Count + y.Backups), Pool = x.Min(y => y.PoolSize) })
            .ToListAsync(cancellationToken);
        var warnings = new List<ShortageWarning>();
        foreach (var n in needed)
        {
            var code = n.SpecialtyCode;
            var active = await db.Experts.CountAsync(e => e.Status == ExpertStatus.Active && e.Specialties.Any(s => s.Code.StartsWith(code)), cancellationToken);
            if (active < n.Needed * margin || n.Pool < n.Needed * margin)
            {
                warnings.Add(new ShortageWarning(code, n.SpecialtyName, Math.Min(active, n.Pool), n.Needed * margin));
            }
        }
        return warnings;
    }
}
