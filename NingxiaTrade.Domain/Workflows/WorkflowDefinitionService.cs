using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Data;

namespace NingxiaTrade.Domain.Workflows;

/// <summary>A version waiting for the legal office, with what changed against the version in force.</summary>
public sealed record LegalReviewItem(WorkflowDefinition Draft, IReadOnlyList<WorkflowDifference> Differences);

/// <summary>One line of a comparison between two versions of a flow.</summary>
public sealed record WorkflowDifference(string Kind, string Description);

/// <summary>
/// Maintaining the versioned definitions: drafts, publication, comparison. Admins and clerks holding the
/// designer permission may edit; everyone may read published flows (they are public service information).
/// </summary>
public sealed class WorkflowDefinitionService(IDbContextFactory<TradeDbContext> contexts, ICurrentUser currentUser, TimeProvider time)
{
    /// <summary>Claim that gives a clerk the designer permission (流程设计权限).</summary>
    public const string DesignerPermission = UserAdministration.DesignerPermission;

    /// <summary>Seeds version 1 of each default flow, published, where a (type, method) has no definition yet.</summary>
    public static async Task SeedDefaultsAsync(TradeDbContext db, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        foreach (var (definitionId, type, method, name, body) in DefaultWorkflows.All)
        {
            if (await db.WorkflowDefinitions.AnyAsync(d => d.DefinitionId == definitionId || (d.TradeType == type && d.TradeMethod == method), cancellationToken))
            {
                continue;
            }
            var definition = new WorkflowDefinition(definitionId, type, method, 1, name, body, "系统", nowUtc);
            definition.Publish("系统", nowUtc);
            db.WorkflowDefinitions.Add(definition);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Every version, newest first per type (list screen).</summary>
    public async Task<IReadOnlyList<WorkflowDefinition>> ListAsync(CancellationToken cancellationToken = default)
    {
        DemandDesigner();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.WorkflowDefinitions.AsNoTracking().OrderBy(d => d.TradeType).ThenByDescending(d => d.Version).ToListAsync(cancellationToken);
    }

    public async Task<WorkflowDefinition> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        DemandDesigner();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.WorkflowDefinitions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken)
            ?? throw new DomainException("流程定义不存在。");
    }

    /// <summary>The newest published version of each (type, method): what new projects start on and what the public sees.</summary>
    public async Task<IReadOnlyList<WorkflowDefinition>> PublishedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var published = await db.WorkflowDefinitions.AsNoTracking().Where(d => d.IsPublished).ToListAsync(cancellationToken);
        return published.GroupBy(d => (d.TradeType, d.TradeMethod)).Select(g => g.MaxBy(d => d.Version)!)
            .OrderBy(d => d.TradeType).ThenBy(d => d.TradeMethod).ToList();
    }

    /// <summary>A new draft copied from the newest version of the flow; refused while a draft already exists.</summary>
    public async Task<Guid> CreateDraftAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        DemandDesigner();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var versions = await db.WorkflowDefinitions.Where(d => d.DefinitionId == definitionId).ToListAsync(cancellationToken);
        if (versions.Count == 0)
        {
            throw new DomainException("流程定义不存在。");
        }
        if (versions.FirstOrDefault(v => !v.IsPublished) is { } open)
        {
            throw new DomainException($"第 {open.Version} 版草稿尚未发布，请继续编辑该草稿。");
        }
        var latest = versions.MaxBy(v => v.Version)!;
        foreach (var v in versions)
        {
            v.NoLongerLatest();
        }
        var draft = new WorkflowDefinition(definitionId, latest.TradeType, latest.TradeMethod, latest.Version + 1, latest.Name, latest.Body, currentUser.ActorName(), time.GetUtcNow().UtcDateTime);
        db.WorkflowDefinitions.Add(draft);
        await db.SaveChangesAsync(cancellationToken);
        return draft.Id;
    }

    /// <summary>Saves a draft's body; returns the structural faults still present (publishing refuses them).</summary>
    public async Task<IReadOnlyList<string>> SaveDraftAsync(Guid id, string name, WorkflowBody body, CancellationToken cancellationToken = default)
    {
        DemandDesigner();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var draft = await db.WorkflowDefinitions.FirstOrDefaultAsync(d => d.Id == id, cancellationToken) ?? throw new DomainException("流程定义不存在。");
        draft.Edit(name, body);
        await db.SaveChangesAsync(cancellationToken);
        return WorkflowValidator.Validate(body);
    }

    /// <summary>
    /// Publishes a draft; one that lowers a statutory figure (a shorter period, a dropped guard with a legal basis) goes to
    /// the legal office instead and publishes when a LegalOfficer approves it with a written opinion.
    /// </summary>
    /// <returns>The lowerings sent for review; empty when the version was published.</returns>
    public async Task<IReadOnlyList<string>> PublishAsync(Guid id, CancellationToken cancellationToken = default)
    {
        DemandDesigner();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var draft = await db.WorkflowDefinitions.FirstOrDefaultAsync(d => d.Id == id, cancellationToken) ?? throw new DomainException("流程定义不存在。");
        var lowered = StatutoryFigures.Lowerings(draft.Body, draft.TradeType, draft.TradeMethod);
        if (lowered.Count > 0)
        {
            draft.RequestLegalReview(lowered);
        }
        else
        {
            draft.Publish(currentUser.ActorName(), time.GetUtcNow().UtcDateTime);
        }
        await db.SaveChangesAsync(cancellationToken);
        return lowered;
    }

    /// <summary>Versions waiting for the legal office, oldest first, each with the version in force it would replace.</summary>
    public async Task<IReadOnlyList<LegalReviewItem>> LegalReviewQueueAsync(CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.LegalOfficer);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pending = await db.WorkflowDefinitions.AsNoTracking().Where(d => d.LegalReview == LegalReviewStatus.Pending)
            .OrderBy(d => d.CreatedUtc).ToListAsync(cancellationToken);
        var items = new List<LegalReviewItem>();
        foreach (var draft in pending)
        {
            var current = await db.WorkflowDefinitions.AsNoTracking()
                .Where(d => d.DefinitionId == draft.DefinitionId && d.IsPublished).OrderByDescending(d => d.Version).FirstOrDefaultAsync(cancellationToken);
            items.Add(new LegalReviewItem(draft, current is null ? [] : Compare(current.Body, draft.Body)));
        }
        return items;
    }

    /// <summary>The legal officer approves (the version is published) or returns it, with a written opinion.</summary>
    public async Task DecideLegalReviewAsync(Guid id, bool approve, string opinion, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.LegalOfficer);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var draft = await db.WorkflowDefinitions.FirstOrDefaultAsync(d => d.Id == id, cancellationToken) ?? throw new DomainException("流程定义不存在。");
        draft.DecideLegalReview(approve, opinion, currentUser.ActorName(), time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>What changed from <paramref name="older"/> to <paramref name="newer"/>, in Chinese.</summary>
    public static IReadOnlyList<WorkflowDifference> Compare(WorkflowBody older, WorkflowBody newer)
    {
        var list = new List<WorkflowDifference>();
        foreach (var step in newer.Steps.Where(s => older.Step(s.Key) is null))
        {
            list.Add(new("新增环节", step.Name));
        }
        foreach (var step in older.Steps.Where(s => newer.Step(s.Key) is null))
        {
            list.Add(new("删除环节", step.Name));
        }
        foreach (var step in newer.Steps)
        {
            if (older.Step(step.Key) is not { } was)
            {
                continue;
            }
            if (was.Name != step.Name)
            {
                list.Add(new("环节改名", $"{was.Name} → {step.Name}"));
            }
            if (was.MinimumDays != step.MinimumDays || was.WorkingDays != step.WorkingDays)
            {
                list.Add(new("最短期限", $"{step.Name}：{Period(was)} → {Period(step)}"));
            }
            if (was.LegalBasis != step.LegalBasis)
            {
                list.Add(new("法律依据", $"{step.Name}：{was.LegalBasis ?? "无"} → {step.LegalBasis ?? "无"}"));
            }
            if (was.IsFinal != step.IsFinal)
            {
                list.Add(new("终结环节", $"{step.Name}：{(step.IsFinal ? "设为终结环节" : "取消终结环节")}"));
            }
        }
        static string Key(WorkflowTransition t) => t.From + "|" + t.Trigger;
        // A draft may still hold a duplicate trigger (the validator reports it); compare its first transition.
        var olderTransitions = older.Transitions.GroupBy(Key).ToDictionary(g => g.Key, g => g.First());
        var newerTransitions = newer.Transitions.GroupBy(Key).ToDictionary(g => g.Key, g => g.First());
        foreach (var (key, t) in newerTransitions.Where(p => !olderTransitions.ContainsKey(p.Key)))
        {
            list.Add(new("新增流转", $"{Name(newer, t.From)} → {Name(newer, t.To)}：{t.Name}"));
        }
        foreach (var (key, t) in olderTransitions.Where(p => !newerTransitions.ContainsKey(p.Key)))
        {
            list.Add(new("删除流转", $"{Name(older, t.From)} → {Name(older, t.To)}：{t.Name}"));
        }
        foreach (var (key, t) in newerTransitions)
        {
            if (!olderTransitions.TryGetValue(key, out var was))
            {
                continue;
            }
            var label = $"{Name(newer, t.From)}：{t.Name}";
            if (was.To != t.To)
            {
                list.Add(new("流转目标", $"{label}：{Name(older, was.To)} → {Name(newer, t.To)}"));
            }
            if (!was.Roles.Order().SequenceEqual(t.Roles.Order()))
            {
                list.Add(new("办理角色", $"{label}：{Roles(was)} → {Roles(t)}"));
            }
            if (was.RequiresApproval != t.RequiresApproval)
            {
                list.Add(new("审批", $"{label}：{(t.RequiresApproval ? "改为需行政监督部门审批" : "改为无需审批")}"));
            }
            if (Guards(was) != Guards(t))
            {
                list.Add(new("条件", $"{label}：{Guards(was)} → {Guards(t)}"));
            }
            if (Timer(was) != Timer(t))
            {
                list.Add(new("定时", $"{label}：{Timer(was)} → {Timer(t)}"));
            }
            if (was.Name != t.Name)
            {
                list.Add(new("流转改名", $"{was.Name} → {t.Name}"));
            }
            if (was.IgnoresStepMinimum != t.IgnoresStepMinimum)
            {
                list.Add(new("最短期限约束", $"{label}：{(t.IgnoresStepMinimum ? "改为不受本环节最短期限限制" : "改为受本环节最短期限限制")}"));
            }
        }
        if (Deadline(older) != Deadline(newer))
        {
            list.Add(new("投标截止期限", $"{Deadline(older)} → {Deadline(newer)}"));
        }
        if (older.LotsFromStep != newer.LotsFromStep)
        {
            list.Add(new("分标段办理", $"{Split(older)} → {Split(newer)}"));
        }
        list.AddRange(WorkflowDutyRules.Differences(older, newer));
        return list;

        static string Name(WorkflowBody body, string key) => body.Step(key)?.Name ?? key;
        static string Split(WorkflowBody body) => body.LotsFromStep is { } step ? $"自“{Name(body, step)}”起各标段分别办理" : "各标段一并办理";
        static string Deadline(WorkflowBody body) => body.BidDeadline is { } rule
            ? $"自“{Name(body, rule.FromStep)}”起不少于{rule.Days}{(rule.WorkingDays ? "个工作日" : "日")}（{rule.LegalBasis ?? "无依据"}）"
            : "无";
        static string Period(WorkflowStep s) => s.MinimumDays is { } d ? $"{d}{(s.WorkingDays ? "个工作日" : "日")}" : "无";
        static string Roles(WorkflowTransition t) => t.Roles.Count == 0 ? "无" : string.Join("、", t.Roles.Select(Accounts.Roles.Chinese));
        static string Guards(WorkflowTransition t) => t.Guards.Count == 0 ? "无" :
            string.Join("；", t.Guards.Select(g => $"{WorkflowGuards.Find(g.Name)?.Label ?? g.Name}（{string.Join("，", g.Parameters.Where(p => p.Key != "basis").Select(p => $"{p.Key}={p.Value}"))}）"));
        static string Timer(WorkflowTransition t) => t.Timer is { } timer ? $"{timer.Days}{(timer.WorkingDays ? "个工作日" : "日")}后自动办理" : "无";
    }

    private void DemandDesigner()
    {
        if (currentUser.IsInRole(Roles.Admin) || (currentUser.IsInRole(Roles.CentreClerk) && currentUser.HasPermission(DesignerPermission)))
        {
            return;
        }
        throw new AccessDeniedException("您无权维护流程定义（需要系统管理员，或具有流程设计权限的交易中心工作人员）。");
    }
}
