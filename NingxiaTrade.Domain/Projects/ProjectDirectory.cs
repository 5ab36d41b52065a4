using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Data;

namespace NingxiaTrade.Domain.Projects;

/// <summary>
/// A lot as other modules see it, with where it stands: its own step and bid deadline once the lots of its project move
/// separately (a lot re-tendered alone has a new deadline), else the project's.
/// </summary>
public sealed record LotSummary(Guid Id, int Number, string Name, Money Price, string CurrentStep, string CurrentStepName, bool IsClosed,
    DateTime? BidDeadlineUtc, Money Deposit = default);

/// <summary>
/// A project as other modules see it: registration data, where it stands (<see cref="IsClosed"/>: terminated or
/// finished, a final step of its flow) and its lots.
/// </summary>
public sealed record ProjectSummary(Guid Id, string Code, string Name, string RegionCode, int TradingCentreId, TradeType TradeType,
    TradeMethod TradeMethod, string TendererName, string? TendererUserId, string? AgentName, string? AgentUserId, int SupervisingDepartmentId,
    Money Estimate, string? FundSource, string? ApprovalDocumentNumber, DateTime? BidDeadlineUtc, string CurrentStep, string CurrentStepName,
    bool IsClosed, DateTime CreatedUtc, IReadOnlyList<LotSummary> Lots, DateTime? DocumentsIssuedUtc = null);

/// <summary>One lot with its project.</summary>
public sealed record ProjectLot(ProjectSummary Project, LotSummary Lot);

/// <summary>
/// The projects module's published read interface. Every answer applies the caller's data scope
/// (<see cref="ProjectScope"/>): a project outside it is answered exactly like one that does not exist, so another
/// module cannot reveal a project's data, or that it exists, to someone the projects module would not show it to.
/// Other modules read projects and lots only through this.
/// </summary>
public interface IProjectDirectory
{
    /// <summary>The project, or null when it does not exist or lies outside the caller's scope.</summary>
    Task<ProjectSummary?> FindAsync(Guid projectId, CancellationToken cancellationToken = default);

    /// <summary>The lot with its project, or null when it does not exist or lies outside the caller's scope.</summary>
    Task<ProjectLot?> FindLotAsync(Guid lotId, CancellationToken cancellationToken = default);

    /// <summary>The caller's projects, newest first, at most <paramref name="take"/>.</summary>
    Task<IReadOnlyList<ProjectSummary>> ProjectsAsync(int take = 200, CancellationToken cancellationToken = default);

    /// <summary>Lots of the caller's projects, newest project first, at most <paramref name="take"/> projects.</summary>
    Task<IReadOnlyList<ProjectLot>> LotsAsync(int take = 200, CancellationToken cancellationToken = default);

    /// <summary>Which of <paramref name="projectIds"/> the caller may see.</summary>
    Task<IReadOnlySet<Guid>> VisibleAsync(IEnumerable<Guid> projectIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// Projects whose notice is published (招标/采购文件 issued) and that are not finished, newest notice first, one page
    /// at a time, for any signed-in market entity: a published notice is public, so no scope applies — but only these.
    /// <paramref name="text"/> filters by name or code.
    /// </summary>
    Task<PagedResult<ProjectSummary>> OpenNoticesAsync(string? text, int page, int pageSize, CancellationToken cancellationToken = default);

    /// <summary>The project if the caller may see it (its scope), or else if its notice is open (<see cref="OpenNoticesAsync"/>).</summary>
    Task<ProjectSummary?> FindPublishedAsync(Guid projectId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The events (<c>DutyEvents</c> keys such as <c>AwardNoticeIssued</c>, <c>ContractSigned</c>) that entering
    /// <paramref name="stepKey"/> records in the project's flow version; empty when the project is outside the caller's scope.
    /// </summary>
    Task<IReadOnlyList<string>> StepEventsAsync(Guid projectId, string stepKey, CancellationToken cancellationToken = default);
}

/// <inheritdoc cref="IProjectDirectory"/>
public sealed class ProjectDirectory(IDbContextFactory<TradeDbContext> contexts, ICurrentUser currentUser) : IProjectDirectory
{
    public async Task<ProjectSummary?> FindAsync(Guid projectId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var projects = await ScopedAsync(db, cancellationToken);
        return (await SummariesAsync(db, projects.Where(p => p.Id == projectId), cancellationToken)).FirstOrDefault();
    }

    public async Task<ProjectLot?> FindLotAsync(Guid lotId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var projects = await ScopedAsync(db, cancellationToken);
        var project = (await SummariesAsync(db, projects.Where(p => p.Lots.Any(l => l.Id == lotId)), cancellationToken)).FirstOrDefault();
        return project is null ? null : new ProjectLot(project, project.Lots.Single(l => l.Id == lotId));
    }

    public async Task<IReadOnlyList<ProjectSummary>> ProjectsAsync(int take = 200, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var projects = await ScopedAsync(db, cancellationToken);
        var summaries = await SummariesAsync(db, projects.OrderByDescending(p => p.CreatedUtc).Take(Math.Clamp(take, 1, 1000)), cancellationToken);
        return summaries.OrderByDescending(p => p.CreatedUtc).ToList();
    }

    public async Task<IReadOnlyList<ProjectLot>> LotsAsync(int take = 200, CancellationToken cancellationToken = default) =>
        (await ProjectsAsync(take, cancellationToken)).SelectMany(p => p.Lots.Select(l => new ProjectLot(p, l))).ToList();

    public async Task<IReadOnlyList<string>> StepEventsAsync(Guid projectId, string stepKey, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var definitionId = await (await ScopedAsync(db, cancellationToken)).Where(p => p.Id == projectId).Select(p => (Guid?)p.WorkflowDefinitionId)
            .FirstOrDefaultAsync(cancellationToken);
        if (definitionId is null)
        {
            return [];
        }
        var body = (await db.WorkflowDefinitions.AsNoTracking().FirstAsync(d => d.Id == definitionId, cancellationToken)).Body;
        return body.Step(stepKey)?.Events.ToList() ?? [];
    }

    public async Task<IReadOnlySet<Guid>> VisibleAsync(IEnumerable<Guid> projectIds, CancellationToken cancellationToken = default)
    {
        var ids = projectIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return new HashSet<Guid>();
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var projects = await ScopedAsync(db, cancellationToken);
        return (await projects.Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken)).ToHashSet();
    }

    public async Task<PagedResult<ProjectSummary>> OpenNoticesAsync(string? text, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        if (!currentUser.IsAuthenticated)
        {
            return new PagedResult<ProjectSummary>([], 0);
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var open = await OpenAsync(db, cancellationToken);
        if (!string.IsNullOrWhiteSpace(text))
        {
            var t = text.Trim();
            open = open.Where(p => p.Name.Contains(t) || p.Code.Contains(t));
        }
        var total = await open.CountAsync(cancellationToken);
        var rows = await SummariesAsync(db, open.OrderByDescending(p => p.DocumentsIssuedUtc).ThenBy(p => p.Id).Page(page, pageSize), cancellationToken);
        return new PagedResult<ProjectSummary>(rows.OrderByDescending(p => p.DocumentsIssuedUtc).ThenBy(p => p.Id).ToList(), total);
    }

    public async Task<ProjectSummary?> FindPublishedAsync(Guid projectId, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(projectId, cancellationToken) is { } visible)
        {
            return visible;
        }
        if (!currentUser.IsAuthenticated)
        {
            return null;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var open = await OpenAsync(db, cancellationToken);
        return (await SummariesAsync(db, open.Where(p => p.Id == projectId), cancellationToken)).FirstOrDefault();
    }

    /// <summary>Published and not in a final step of any flow (终止, 归档, 流标 … are final in every flow that has them).</summary>
    private static async Task<IQueryable<TradeProject>> OpenAsync(TradeDbContext db, CancellationToken cancellationToken)
    {
        var finals = (await db.WorkflowDefinitions.AsNoTracking().Select(d => d.BodyJson).ToListAsync(cancellationToken))
            .SelectMany(json => Workflows.WorkflowDefinition.ParseBody(json).Steps.Where(s => s.IsFinal).Select(s => s.Key))
            .Distinct().ToList();
        return db.TradeProjects.AsNoTracking().Where(p => p.DocumentsIssuedUtc != null && !finals.Contains(p.CurrentStep));
    }

    private async Task<IQueryable<TradeProject>> ScopedAsync(TradeDbContext db, CancellationToken cancellationToken) =>
        await ProjectScope.ApplyAsync(db, currentUser, db.TradeProjects.AsNoTracking(), cancellationToken);

    private static async Task<List<ProjectSummary>> SummariesAsync(TradeDbContext db, IQueryable<TradeProject> query, CancellationToken cancellationToken)
    {
        var projects = await query.Include(p => p.Lots).AsSplitQuery().ToListAsync(cancellationToken);
        var definitionIds = projects.Select(p => p.WorkflowDefinitionId).Distinct().ToList();
        var bodies = (await db.WorkflowDefinitions.AsNoTracking().Where(d => definitionIds.Contains(d.Id)).ToListAsync(cancellationToken))
            .ToDictionary(d => d.Id, d => d.Body);
        return projects.Select(p =>
        {
            var body = bodies.GetValueOrDefault(p.WorkflowDefinitionId);
            var step = body?.Step(p.CurrentStep);
            LotSummary Lot(Lot l)
            {
                var lotStep = l.CurrentStep ?? p.CurrentStep;
                var lotStepInfo = body?.Step(lotStep);
                return new LotSummary(l.Id, l.Number, l.Name, l.Price, lotStep, lotStepInfo?.Name ?? lotStep, lotStepInfo?.IsFinal ?? false,
                    l.CurrentStep is null ? p.BidDeadlineUtc : l.BidDeadlineUtc, l.Deposit);
            }
            return new ProjectSummary(p.Id, p.Code, p.Name, p.RegionCode, p.TradingCentreId, p.TradeType, p.TradeMethod, p.TendererName, p.TendererUserId,
                p.AgentName, p.AgentUserId, p.SupervisingDepartmentId, p.Estimate, p.FundSource, p.ApprovalDocumentNumber, p.BidDeadlineUtc,
                p.CurrentStep, step?.Name ?? p.CurrentStep, step?.IsFinal ?? false, p.CreatedUtc,
                p.Lots.OrderBy(l => l.Number).Select(Lot).ToList(), p.DocumentsIssuedUtc);
        }).ToList();
    }
}
