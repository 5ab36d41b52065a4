using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Data;
using NingxiaTrade.Domain.Notifications;

namespace NingxiaTrade.Domain.Rules;

/// <summary>The clean-up proposal that goes with a submission.</summary>
public sealed record RuleSubmission(RuleProposal Proposal, RuleProblem Problems, string? Explanation, string? AnswerToReturn = null);

/// <summary>Filters of the rule list; <see cref="Page"/> is 0-based.</summary>
public sealed record RuleQuery(string? Text = null, RuleStatus? Status = null, RuleLevel? Level = null, int? DepartmentId = null, int Page = 0, int PageSize = 20);

/// <summary>One line of the rule list.</summary>
public sealed record RuleRow(Guid Id, string Title, string? DocumentNumber, string IssuingBody, RuleLevel Level, IReadOnlyList<TradeType> TradeTypes,
    DateOnly? EffectiveOn, DateOnly? ExpiresOn, bool IsTemporary, RuleStatus Status, string DepartmentName, RuleProposal? Proposal, DateTime? SubmittedUtc,
    LegalityDecision? LatestDecision = null)
{
    /// <summary>The status as screens show it (修改后通过 apart from 审核通过).</summary>
    public string StatusName => Status.Chinese(LatestDecision);
}

/// <summary>A rule with its whole history and what the current user may do with it.</summary>
public sealed record RuleDetail(Rule Rule, string DepartmentName, bool CanEdit, bool CanSubmit, bool CanDecide);

/// <summary>One waiting item of the legal office's queue.</summary>
public sealed record ReviewQueueItem(Guid RuleId, string Title, string? DocumentNumber, RuleLevel Level, string DepartmentName,
    int Round, RuleProposal Proposal, RuleProblem Problems, string SubmittedByName, DateTime SubmittedUtc);

/// <summary>
/// The rule inventory (四(一)1–2): a supervising department (Supervisor) enters and submits the rules it answers
/// for, with a clean-up proposal (谁制定、谁清理), one by one or from Excel; the legal office (LegalOfficer) reviews
/// each submission (合法性审核) and passes or returns it; a returned rule is answered and resubmitted. Every service
/// operation checks the caller's role and department again, whatever the screen showed.
/// </summary>
public sealed class RuleInventory(IDbContextFactory<TradeDbContext> contexts, ICurrentUser currentUser, TimeProvider time,
    INotifier? notifier = null, ExcelImport? imports = null)
{
    /// <summary>Who may read the inventory.</summary>
    public static readonly string[] Readers = [Roles.Supervisor, Roles.LegalOfficer, Roles.Admin];

    /// <summary>The largest file <see cref="ImportAsync"/> reads: 2 MB.</summary>
    public const long MaxImportBytes = RuleImportFile.MaxBytes;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>A page of rules: a supervisor sees its own department's, the legal office and the Admin every rule.</summary>
    public async Task<PagedResult<RuleRow>> ListAsync(RuleQuery query, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Readers);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rules = db.Rules.AsNoTracking();
        if (!currentUser.IsInRole(Roles.LegalOfficer) && !currentUser.IsInRole(Roles.Admin))
        {
            var mine = await RuleAccess.DepartmentOfAsync(db, currentUser, cancellationToken);
            rules = rules.Where(r => r.DepartmentId == mine);
        }
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim();
            rules = rules.Where(r => r.Title.Contains(text) || (r.DocumentNumber != null && r.DocumentNumber.Contains(text)) || r.IssuingBody.Contains(text));
        }
        if (query.Status is { } status)
        {
            rules = rules.Where(r => r.Status == status);
        }
        if (query.Level is { } level)
        {
            rules = rules.Where(r => r.Level == level);
        }
        if (query.DepartmentId is { } department)
        {
            rules = rules.Where(r => r.DepartmentId == department);
        }
        var total = await rules.CountAsync(cancellationToken);
        var rows = await rules
            .OrderBy(r => r.Level).ThenBy(r => r.Title)
            .Page(query.Page, query.PageSize)
            .Select(r => new
            {
                r.Id, r.Title, r.DocumentNumber, r.IssuingBody, r.Level, r.TradeTypes, r.EffectiveOn, r.IssuedOn, r.ExpiresOn, r.IsTemporary, r.Status,
                Department = db.SupervisingDepartments.Where(d => d.Id == r.DepartmentId).Select(d => d.ShortName).FirstOrDefault(),
                Latest = r.Reviews.OrderByDescending(v => v.Round)
                    .Select(v => new { v.Proposal, v.SubmittedUtc, Decision = v.Legality == null ? (LegalityDecision?)null : v.Legality.Decision }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return new PagedResult<RuleRow>(rows.Select(r => new RuleRow(r.Id, r.Title, r.DocumentNumber, r.IssuingBody, r.Level, r.TradeTypes,
            r.EffectiveOn ?? r.IssuedOn, r.ExpiresOn, r.IsTemporary, r.Status, r.Department ?? "", r.Latest?.Proposal, r.Latest?.SubmittedUtc, r.Latest?.Decision)).ToList(), total);
    }

    /// <summary>One rule with every round of its clean-up and review.</summary>
    /// <exception cref="DomainException">No such rule, or not the caller's department's.</exception>
    public async Task<RuleDetail> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Readers);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rule = await LoadAsync(db, id, cancellationToken);
        var own = await OwnsAsync(db, rule, cancellationToken);
        if (!own && !currentUser.IsInRole(Roles.LegalOfficer) && !currentUser.IsInRole(Roles.Admin))
        {
            throw new AccessDeniedException("该规则不属于本部门，无权查看。");
        }
        var department = await db.SupervisingDepartments.Where(d => d.Id == rule.DepartmentId).Select(d => d.ShortName).FirstAsync(cancellationToken);
        var canEdit = own && rule.Status is RuleStatus.Draft or RuleStatus.Returned or RuleStatus.Passed;
        return new RuleDetail(rule, department, canEdit, canEdit, currentUser.IsInRole(Roles.LegalOfficer) && rule.Status == RuleStatus.UnderReview);
    }

    /// <summary>A supervisor enters a rule of its own department; with <paramref name="submission"/> it is submitted at once.</summary>
    public async Task<Guid> CreateAsync(RuleForm form, RuleSubmission? submission, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.Supervisor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var department = await RuleAccess.DepartmentOfAsync(db, currentUser, cancellationToken);
        var rule = new Rule(form, department, Now);
        await EnsureNumberFreeAsync(db, rule.DocumentNumber, null, cancellationToken);
        if (submission is not null)
        {
            Submit(rule, submission);
        }
        db.Rules.Add(rule);
        await db.SaveChangesAsync(cancellationToken);
        return rule.Id;
    }

    /// <summary>
    /// The department changes its rule (draft, returned, or passed before a new round) and, with
    /// <paramref name="submission"/>, submits it; after a return the submission must answer the legal office.
    /// </summary>
    public async Task ChangeAsync(Guid id, RuleForm form, RuleSubmission? submission, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.Supervisor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rule = await LoadOwnAsync(db, id, cancellationToken);
        rule.Change(form);
        await EnsureNumberFreeAsync(db, rule.DocumentNumber, rule.Id, cancellationToken);
        if (submission is not null)
        {
            Submit(rule, submission);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Submits (or resubmits) the department's rule as it stands.</summary>
    public async Task SubmitAsync(Guid id, RuleSubmission submission, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.Supervisor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rule = await LoadOwnAsync(db, id, cancellationToken);
        Submit(rule, submission);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The legal office's queue: every submission waiting for review, oldest first.</summary>
    public async Task<IReadOnlyList<ReviewQueueItem>> QueueAsync(CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.LegalOfficer);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var items = await db.RuleReviews.AsNoTracking()
            .Where(v => v.Legality == null)
            .Join(db.Rules, v => v.RuleId, r => r.Id, (v, r) => new { v, r })
            .Where(x => x.r.Status == RuleStatus.UnderReview)
            .OrderBy(x => x.v.SubmittedUtc)
            .Select(x => new ReviewQueueItem(x.r.Id, x.r.Title, x.r.DocumentNumber, x.r.Level,
                db.SupervisingDepartments.Where(d => d.Id == x.r.DepartmentId).Select(d => d.ShortName).FirstOrDefault() ?? "",
                x.v.Round, x.v.Proposal, x.v.Problems, x.v.SubmittedByName, x.v.SubmittedUtc))
            .ToListAsync(cancellationToken);
        return items;
    }

    /// <summary>How many submissions wait for the legal office.</summary>
    public async Task<int> QueueCountAsync(CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.LegalOfficer);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Rules.CountAsync(r => r.Status == RuleStatus.UnderReview, cancellationToken);
    }

    /// <summary>The legal office decides the pending submission: pass, pass with changes, or return with reasons.</summary>
    public async Task DecideAsync(Guid ruleId, LegalityDecision decision, string? opinion, string? reasons, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.LegalOfficer);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rule = await LoadAsync(db, ruleId, cancellationToken);
        var review = rule.Decide(decision, opinion, reasons, currentUser.UserId, currentUser.ActorName(), Now);
        db.LegalityReviews.Add(review);
        await notifier.DecidedAsync(db, rule, review, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The departments that have rules, for the list's filter.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> DepartmentsAsync(CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Readers);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var list = await db.SupervisingDepartments.AsNoTracking().OrderBy(d => d.Id).Select(d => new { d.Id, d.ShortName }).ToListAsync(cancellationToken);
        return list.Select(d => (d.Id, d.ShortName)).ToList();
    }

    /// <summary>The Excel template for submitting many rules at once.</summary>
    public MemoryStream ImportTemplate()
    {
        currentUser.Demand(Roles.Supervisor);
        return RuleImportFile.Template();
    }

    /// <summary>
    /// Creates and submits every row of an .xlsx in the template's layout for the caller's department. Every row
    /// is checked first; when any fails, the result lists each failing row and nothing is written.
    /// </summary>
    /// <exception cref="DomainException">Not an .xlsx, over 2 MB, unreadable, or not in the template's layout.</exception>
    public async Task<RuleImportResult> ImportAsync(string fileName, long? length, Stream content, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.Supervisor);
        var outcome = await (imports ?? ExcelImport.Default).ImportAsync(new ExcelImportFile(fileName, length, content), RuleImportFile.Layout(), contexts, StageAsync, cancellationToken);
        return outcome.Summary ?? new RuleImportResult(0, outcome.Errors);
    }

    private async Task<RuleImportResult> StageAsync(TradeDbContext db, IReadOnlyList<ImportedRow<RuleImportFile.RuleRow>> rows, Action<ImportRowError> refuse, CancellationToken cancellationToken)
    {
        var department = await RuleAccess.DepartmentOfAsync(db, currentUser, cancellationToken);
        var numbers = rows.Select(r => r.Value.Rule.DocumentNumber).OfType<string>().ToList();
        var taken = (await db.Rules.Where(r => r.DocumentNumber != null && numbers.Contains(r.DocumentNumber)).Select(r => r.DocumentNumber!).ToListAsync(cancellationToken))
            .ToHashSet();
        var submitted = 0;
        foreach (var (number, row) in rows)
        {
            try
            {
                var rule = new Rule(row.Rule, department, Now);
                if (rule.DocumentNumber is { } documentNumber && taken.Contains(documentNumber))
                {
                    throw new DomainException($"文号“{documentNumber}”的规则已登记，请在规则列表中找到该规则后报送。");
                }
                Submit(rule, row.Submission);
                db.Rules.Add(rule);
                submitted++;
            }
            catch (DomainException e)
            {
                refuse(new ImportRowError(number, e.Message));
            }
        }
        return new RuleImportResult(submitted, []);
    }

    private void Submit(Rule rule, RuleSubmission submission) =>
        rule.Submit(submission.Proposal, submission.Problems, submission.Explanation, submission.AnswerToReturn, currentUser.UserId, currentUser.ActorName(), Now);

    private static async Task<Rule> LoadAsync(TradeDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Rules.Include(r => r.Reviews).ThenInclude(v => v.Legality).FirstOrDefaultAsync(r => r.Id == id, cancellationToken)
        ?? throw new DomainException("找不到该规则，可能已被删除。");

    private async Task<Rule> LoadOwnAsync(TradeDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var rule = await LoadAsync(db, id, cancellationToken);
        if (!await OwnsAsync(db, rule, cancellationToken))
        {
            throw new AccessDeniedException("只能报送本部门负责清理的规则（谁制定、谁清理）。");
        }
        return rule;
    }

    private async Task<bool> OwnsAsync(TradeDbContext db, Rule rule, CancellationToken cancellationToken) =>
        currentUser.IsInRole(Roles.Supervisor)
        && await RuleAccess.DepartmentOrNullAsync(db, currentUser, cancellationToken) == rule.DepartmentId;

    private static async Task EnsureNumberFreeAsync(TradeDbContext db, string? number, Guid? self, CancellationToken cancellationToken)
    {
        if (number is not null && await db.Rules.AnyAsync(r => r.DocumentNumber == number && r.Id != self, cancellationToken))
        {
            throw new DomainException($"文号“{number}”的规则已登记，请勿重复登记。");
        }
    }
}

/// <summary>The caller's department, for the department-scoped operations.</summary>
internal static class RuleAccess
{
    public static async Task<int?> DepartmentOrNullAsync(TradeDbContext db, ICurrentUser user, CancellationToken cancellationToken) =>
        user.UserId is null ? null
        : await db.Users.Where(u => u.Id == user.UserId).Select(u => u.SupervisingDepartmentId).FirstOrDefaultAsync(cancellationToken);

    public static async Task<int> DepartmentOfAsync(TradeDbContext db, ICurrentUser user, CancellationToken cancellationToken) =>
        await DepartmentOrNullAsync(db, user, cancellationToken)
        ?? throw new AccessDeniedException("您的账户未关联行政监督部门，不能报送规则。请联系系统管理员。");
}
