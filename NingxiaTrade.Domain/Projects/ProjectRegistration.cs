using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Data;
using NingxiaTrade.Domain.MarketEntities;
using NingxiaTrade.Domain.Workflows;

namespace NingxiaTrade.Domain.Projects;

public sealed record ProjectQuery(
    string? Text = null, TradeType? TradeType = null, string? RegionCode = null, string? Step = null,
    DateOnly? RegisteredFrom = null, DateOnly? RegisteredTo = null, int Page = 0, int PageSize = 20);

public sealed record ProjectRow(
    Guid Id, string Code, string Name, TradeType TradeType, TradeMethod TradeMethod, string RegionCode, string TendererName,
    Money Estimate, string CurrentStep, string CurrentStepName, int WorkflowVersion, bool AwaitingApproval, DateTime CreatedUtc);

/// <summary>A project with everything its page shows.</summary>
public sealed record ProjectDetails(
    TradeProject Project, string TradingCentreName, string SupervisingDepartmentName, WorkflowDefinition Definition,
    IReadOnlyList<ProjectStepRecord> History, ApprovalRequest? PendingApproval);

/// <summary>
/// Registering, editing, listing and exporting projects (CentreClerk, Tenderer, Agent; Admin and Supervisor read).
/// The tenderer is an approved entity of the market-entity registry, read through <see cref="MarketEntityDirectory"/>:
/// a tenderer account registers only for its own entity, an agent or a clerk picks the tenderer from the registry.
/// </summary>
public sealed class ProjectRegistration(IDbContextFactory<TradeDbContext> contexts, ICurrentUser currentUser, TimeProvider time, TradingRules rules,
    MarketEntityDirectory entities)
{
    private static readonly string[] Registrars = [Roles.CentreClerk, Roles.Tenderer, Roles.Agent];
    private static readonly string[] Readers = [Roles.Admin, Roles.CentreClerk, Roles.Tenderer, Roles.Agent, Roles.Supervisor];

    public async Task<Guid> RegisterAsync(ProjectForm form, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Registrars);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        (form, var tenderer) = await CheckFormAsync(db, form, cancellationToken);
        // A project runs the flow of its own type and method: a 竞争性谈判 project never runs the open-tender figures.
        var definition = await db.WorkflowDefinitions.AsNoTracking()
            .Where(d => d.TradeType == form.TradeType && d.TradeMethod == form.TradeMethod && d.IsPublished)
            .OrderByDescending(d => d.Version).FirstOrDefaultAsync(cancellationToken)
            ?? throw new DomainException($"{form.TradeType.Chinese()}的“{form.TradeMethod.Chinese()}”方式尚无已发布的流程，不能登记。请联系系统管理员发布该交易方式的流程。");
        var now = time.GetUtcNow().UtcDateTime;
        var prefix = $"{form.RegionCode}-{ChinaTime.DateOf(now).Year}-{TradeMethods.Code(form.TradeType)}-";
        var count = await db.TradeProjects.CountAsync(p => p.Code.StartsWith(prefix), cancellationToken);
        var project = new TradeProject(prefix + (count + 1).ToString("D4", System.Globalization.CultureInfo.InvariantCulture), form, tenderer, rules,
            definition.Id, definition.Body.InitialStep, currentUser.UserId,
            currentUser.IsInRole(Roles.Tenderer) ? currentUser.UserId : null,
            currentUser.IsInRole(Roles.Agent) ? currentUser.UserId : null, now);
        db.TradeProjects.Add(project);
        var initial = definition.Body.Step(definition.Body.InitialStep)!;
        db.ProjectSteps.Add(new ProjectStepRecord(project.Id, 1, null, initial.Key, null, "项目登记", currentUser.DisplayName, currentUser.Role, now, null));
        await db.SaveChangesAsync(cancellationToken);
        return project.Id;
    }

    /// <summary>Edits the registration while the project is still in its first step.</summary>
    public async Task EditAsync(Guid id, int revision, ProjectForm form, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Registrars);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var project = await (await ProjectScope.ApplyAsync(db, currentUser, db.TradeProjects.Include(p => p.Lots), cancellationToken))
            .FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new DomainException("项目不存在或您无权查看。");
        var definition = await db.WorkflowDefinitions.AsNoTracking().FirstAsync(d => d.Id == project.WorkflowDefinitionId, cancellationToken);
        if (project.CurrentStep != definition.Body.InitialStep)
        {
            throw new DomainException("项目已进入后续环节，登记信息不能再修改。");
        }
        if (project.PendingApprovalId is not null)
        {
            // The supervisor decides on the registration as it was submitted.
            throw new DomainException("项目有事项正在等待行政监督部门审批，登记信息不能修改。");
        }
        (form, var tenderer) = await CheckFormAsync(db, form, cancellationToken);
        db.Entry(project).Property(p => p.Revision).OriginalValue = revision;
        project.Edit(form, tenderer, rules);
        // Editing replaces the lots with new ones whose keys are already set: without this EF would take them
        // for existing rows, update nothing and report a concurrency conflict. The old lots are deleted as orphans.
        foreach (var lot in project.Lots)
        {
            db.Entry(lot).State = EntityState.Added;
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException("该项目已被他人修改，请刷新后重试。");
        }
    }

    public async Task<PagedResult<ProjectRow>> ListAsync(ProjectQuery query, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Readers);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var projects = await FilterAsync(db, query, cancellationToken);
        var total = await projects.CountAsync(cancellationToken);
        var page = await projects.OrderByDescending(p => p.CreatedUtc).Page(query.Page, query.PageSize).ToListAsync(cancellationToken);
        return new PagedResult<ProjectRow>(await RowsAsync(db, page, cancellationToken), total);
    }

    /// <summary>Writes the filtered list (at most 50,000 rows) as a formatted .xlsx to <paramref name="output"/>.</summary>
    public async Task ExportAsync(ProjectQuery query, Stream output, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Readers);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var projects = await FilterAsync(db, query, cancellationToken);
        using var book = new XLWorkbook();
        var sheet = book.AddWorksheet("交易项目");
        string[] headers = ["项目编号", "项目名称", "交易类型", "交易方式", "行政区划", "招标人（采购人、转让方、出让人）", "估算价/预算（元）", "当前环节", "流程版本", "登记时间"];
        double[] widths = [22, 40, 16, 12, 14, 30, 18, 20, 10, 20];
        for (var c = 0; c < headers.Length; c++)
        {
            sheet.Cell(1, c + 1).Value = headers[c];
            sheet.Column(c + 1).Width = widths[c];
        }
        sheet.Row(1).Style.Font.Bold = true;
        sheet.Row(1).Style.Fill.BackgroundColor = XLColor.FromHtml("#DCE6F1");
        var row = 2;
        // Read in pages so a large export never holds the whole table.
        for (var page = 0; row <= 50_001; page++)
        {
            var batch = await projects.OrderBy(p => p.CreatedUtc).Skip(page * 1000).Take(1000).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }
            foreach (var p in await RowsAsync(db, batch, cancellationToken))
            {
                sheet.Cell(row, 1).Value = p.Code;
                sheet.Cell(row, 2).Value = p.Name;
                sheet.Cell(row, 3).Value = p.TradeType.Chinese();
                sheet.Cell(row, 4).Value = p.TradeMethod.Chinese();
                sheet.Cell(row, 5).Value = Regions.NameOf(p.RegionCode);
                sheet.Cell(row, 6).Value = p.TendererName;
                sheet.Cell(row, 7).Value = p.Estimate.Yuan;
                sheet.Cell(row, 7).Style.NumberFormat.Format = "#,##0.00";
                sheet.Cell(row, 8).Value = p.CurrentStepName + (p.AwaitingApproval ? "（待审批）" : "");
                sheet.Cell(row, 9).Value = p.WorkflowVersion;
                sheet.Cell(row, 10).Value = ChinaTime.Format(p.CreatedUtc);
                row++;
            }
        }
        sheet.SheetView.FreezeRows(1);
        book.SaveAs(output);
    }

    /// <summary>
    /// 重新信息披露 of a state asset after no buyer came forward (《企业国有资产交易监督管理办法》第十八条): new lot prices, and
    /// below the consent threshold the stored written consent of the approving body. Recorded in the project's history.
    /// </summary>
    public async Task RediscloseAsync(Guid id, int revision, IReadOnlyList<Money> lotPrices, string? consentFile, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Registrars);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var project = await (await ProjectScope.ApplyAsync(db, currentUser, db.TradeProjects.Include(p => p.Lots), cancellationToken))
            .FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new DomainException("项目不存在或您无权查看。");
        if (project.PendingApprovalId is not null)
        {
            throw new DomainException("项目有事项正在等待行政监督部门审批，不能重新披露。");
        }
        db.Entry(project).Property(p => p.Revision).OriginalValue = revision;
        var before = project.ListingPrice;
        project.Redisclose(lotPrices, consentFile, rules);
        var sequence = await db.ProjectSteps.Where(s => s.ProjectId == id).MaxAsync(s => (int?)s.Sequence, cancellationToken) ?? 0;
        db.ProjectSteps.Add(new ProjectStepRecord(project.Id, sequence + 1, project.CurrentStep, project.CurrentStep, null,
            $"重新信息披露（第{project.DisclosureRound}次披露）", currentUser.DisplayName, currentUser.Role, time.GetUtcNow().UtcDateTime,
            $"挂牌价由 {before} 调整为 {project.ListingPrice}{(project.ListingConsentFile is null ? "" : "，已附转让行为批准单位书面同意")}"));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException("该项目已被他人修改，请刷新后重试。");
        }
    }

    public async Task<ProjectDetails> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Readers);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await LoadDetailsAsync(db, currentUser, id, cancellationToken);
    }

    internal static async Task<ProjectDetails> LoadDetailsAsync(TradeDbContext db, ICurrentUser user, Guid id, CancellationToken cancellationToken)
    {
        var project = await (await ProjectScope.ApplyAsync(db, user, db.TradeProjects.AsNoTracking().Include(p => p.Lots), cancellationToken))
            .FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new DomainException("项目不存在或您无权查看。");
        var definition = await db.WorkflowDefinitions.AsNoTracking().FirstAsync(d => d.Id == project.WorkflowDefinitionId, cancellationToken);
        var centre = await db.TradingCentres.Where(c => c.Id == project.TradingCentreId).Select(c => c.Name).FirstAsync(cancellationToken);
        var department = await db.SupervisingDepartments.Where(d => d.Id == project.SupervisingDepartmentId).Select(d => d.Name).FirstAsync(cancellationToken);
        var history = await db.ProjectSteps.AsNoTracking().Where(s => s.ProjectId == id).OrderBy(s => s.Sequence).ToListAsync(cancellationToken);
        var pending = project.PendingApprovalId is { } pendingId
            ? await db.ApprovalRequests.AsNoTracking().FirstOrDefaultAsync(a => a.Id == pendingId, cancellationToken)
            : null;
        return new ProjectDetails(project, centre, department, definition, history, pending);
    }

    private async Task<IQueryable<TradeProject>> FilterAsync(TradeDbContext db, ProjectQuery query, CancellationToken cancellationToken)
    {
        var projects = await ProjectScope.ApplyAsync(db, currentUser, db.TradeProjects.AsNoTracking(), cancellationToken);
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim();
            projects = projects.Where(p => p.Name.Contains(text) || p.Code.Contains(text) || p.TendererName.Contains(text));
        }
        if (query.TradeType is { } type)
        {
            projects = projects.Where(p => p.TradeType == type);
        }
        if (!string.IsNullOrWhiteSpace(query.RegionCode))
        {
            projects = projects.Where(p => p.RegionCode == query.RegionCode);
        }
        if (!string.IsNullOrWhiteSpace(query.Step))
        {
            projects = projects.Where(p => p.CurrentStep == query.Step);
        }
        if (query.RegisteredFrom is { } from)
        {
            var fromUtc = ChinaTime.StartOfDayUtc(from);
            projects = projects.Where(p => p.CreatedUtc >= fromUtc);
        }
        if (query.RegisteredTo is { } to)
        {
            var toUtc = ChinaTime.StartOfDayUtc(to.AddDays(1));
            projects = projects.Where(p => p.CreatedUtc < toUtc);
        }
        return projects;
    }

    private static async Task<IReadOnlyList<ProjectRow>> RowsAsync(TradeDbContext db, IReadOnlyList<TradeProject> page, CancellationToken cancellationToken)
    {
        var ids = page.Select(p => p.WorkflowDefinitionId).Distinct().ToList();
        var definitions = await db.WorkflowDefinitions.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancellationToken);
        return page.Select(p =>
        {
            var definition = definitions[p.WorkflowDefinitionId];
            return new ProjectRow(p.Id, p.Code, p.Name, p.TradeType, p.TradeMethod, p.RegionCode, p.TendererName, p.Estimate,
                p.CurrentStep, definition.Body.Step(p.CurrentStep)?.Name ?? p.CurrentStep, definition.Version, p.PendingApprovalId is not null, p.CreatedUtc);
        }).ToList();
    }

    /// <summary>
    /// Checks the whole form at once — its own rules, the centre and department it names, and its tenderer — and
    /// refuses it with every wrong field (<see cref="FormValidationException"/>). A tenderer naming another body is
    /// refused outright: that is a matter of who may act, not of a field.
    /// </summary>
    private async Task<(ProjectForm Form, ProjectTenderer Tenderer)> CheckFormAsync(TradeDbContext db, ProjectForm form, CancellationToken cancellationToken)
    {
        var errors = new FormErrors();
        var tenderer = await TendererAsync(form, errors, cancellationToken);
        // A tenderer account's own entity is its project's tenderer whether or not the form named it.
        form = form with { TendererEntityId = tenderer?.EntityId ?? form.TendererEntityId };
        foreach (var error in TradeProject.Check(form, rules))
        {
            errors.Add(error.Field, error.Message);
        }
        var centre = await db.TradingCentres.AsNoTracking().FirstOrDefaultAsync(c => c.Id == form.TradingCentreId && c.IsActive, cancellationToken);
        if (centre is null)
        {
            errors.Add(nameof(ProjectForm.TradingCentreId), "请选择在用的交易中心。");
        }
        var department = await db.SupervisingDepartments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == form.SupervisingDepartmentId && d.IsActive, cancellationToken);
        if (department is null)
        {
            errors.Add(nameof(ProjectForm.SupervisingDepartmentId), "请选择在用的行政监督部门。");
        }
        else if (!department.Supervises(form.TradeType))
        {
            errors.Add(nameof(ProjectForm.SupervisingDepartmentId), $"{department.Name}不监管{form.TradeType.Chinese()}项目，请重新选择行政监督部门。");
        }
        errors.ThrowIfAny();
        if (centre is not null && currentUser.IsInRole(Roles.CentreClerk) && !currentUser.IsInRole(Roles.Admin))
        {
            var mine = await db.Users.Where(u => u.Id == currentUser.UserId).Select(u => u.TradingCentreId).FirstOrDefaultAsync(cancellationToken);
            var regional = await db.TradingCentres.AnyAsync(c => c.Id == mine && c.RegionCode == Regions.Ningxia, cancellationToken);
            if (!regional && mine != centre.Id)
            {
                throw new DomainException("只能在本交易中心登记项目。");
            }
        }
        return (form, tenderer!);
    }

    /// <summary>
    /// The project's tenderer from the registry. A tenderer account acts only for its own approved entity; a clerk or
    /// an agent names any approved entity.
    /// </summary>
    private async Task<ProjectTenderer?> TendererAsync(ProjectForm form, FormErrors errors, CancellationToken cancellationToken)
    {
        var label = TradeMethods.TendererName(form.TradeType);
        if (currentUser.IsInRole(Roles.Tenderer) && !currentUser.IsInRole(Roles.CentreClerk) && !currentUser.IsInRole(Roles.Agent))
        {
            var own = await entities.OwnEntityAsync(cancellationToken)
                ?? throw new DomainException("本账户尚未关联市场主体：请先在“我的主体”登记本单位并经审核通过，再登记项目。");
            if (!own.Approved)
            {
                throw new DomainException($"本单位市场主体“{own.Entity.Name}”尚未通过审核，审核通过后才能登记项目。");
            }
            if (form.TendererEntityId != Guid.Empty && form.TendererEntityId != own.Entity.Id)
            {
                throw new AccessDeniedException($"{label}账户只能为本单位（{own.Entity.Name}）登记项目。");
            }
            return new ProjectTenderer(own.Entity.Id, own.Entity.Name);
        }
        if (form.TendererEntityId == Guid.Empty)
        {
            return null;
        }
        if (await entities.FindApprovedAsync(form.TendererEntityId, cancellationToken) is not { } entity)
        {
            errors.Add(nameof(ProjectForm.TendererEntityId), $"所选{label}不在市场主体库中或尚未通过审核，请重新选择。");
            return null;
        }
        return new ProjectTenderer(entity.Id, entity.Name);
    }
}
